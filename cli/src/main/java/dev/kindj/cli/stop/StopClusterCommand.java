package dev.kindj.cli.stop;

import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cluster", description = "Stop every container of a cluster; it keeps its state and stays stopped"
        + " (also across Docker restarts) until `kindj start cluster`.")
public final class StopClusterCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;

    @Override
    public Integer call() {
        verbosity.progress("Stopping cluster \"" + clusterName.get() + "\" ...");
        clusterName.cluster().stop();
        return ExitCodes.OK;
    }
}
