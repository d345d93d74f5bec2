package dev.kindj.cli.stop;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.lifecycle.ClusterLifecycle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cluster", description = "Stop every container of a cluster; it keeps its state and stays stopped"
        + " (also across Docker restarts) until `kindj start cluster`.")
public final class StopClusterCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!Verbosity.isQuiet()) {
            spec.commandLine().getErr().println("Stopping cluster \"" + clusterName.get() + "\" ...");
        }
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            ClusterLifecycle.stop(provider, clusterName.get());
        }
        return ExitCodes.OK;
    }
}
