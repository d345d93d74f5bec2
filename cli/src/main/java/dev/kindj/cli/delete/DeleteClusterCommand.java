package dev.kindj.cli.delete;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.KubeconfigPath;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cluster", description = "Delete a cluster: its containers, volumes and network.")
public final class DeleteClusterCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private KubeconfigPath kubeconfigPath;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            ClusterDeletion.delete(provider, clusterName.get(), kubeconfigPath.resolve(), spec.commandLine().getErr());
        }
        return ExitCodes.OK;
    }
}
