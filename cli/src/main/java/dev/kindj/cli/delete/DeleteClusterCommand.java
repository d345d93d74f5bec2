package dev.kindj.cli.delete;

import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.KubeconfigPath;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cluster", description = "Delete a cluster: its containers, volumes and network.")
public final class DeleteClusterCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private KubeconfigPath kubeconfigPath;

    @Override
    public Integer call() {
        ClusterDeletion.delete(clusterName.get(), kubeconfigPath.resolve(), verbosity);
        return ExitCodes.OK;
    }
}
