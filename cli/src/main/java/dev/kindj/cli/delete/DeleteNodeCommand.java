package dev.kindj.cli.delete;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.bootstrap.WorkerNodes;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "node", description = "Drain a worker, remove it from the cluster and delete its container.")
public final class DeleteNodeCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Parameters(index = "0", paramLabel = "NODE", description = "The node's name, as `kindj get nodes` shows it.")
    private String node;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!Verbosity.isQuiet()) {
            spec.commandLine().getErr().println("Removing node \"" + node + "\" from cluster \"" + clusterName.get() + "\" ...");
        }
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            WorkerNodes.remove(provider, clusterName.get(), node);
        }
        return ExitCodes.OK;
    }
}
