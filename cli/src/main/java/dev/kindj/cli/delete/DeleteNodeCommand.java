package dev.kindj.cli.delete;

import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "node", description = "Remove a node from the cluster: drain a worker, or take a control plane out of etcd"
        + " and the load balancer; then delete its container. Also for a node whose container is already gone.")
public final class DeleteNodeCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Parameters(index = "0", paramLabel = "NODE", description = "The node's name, as `kindj get nodes` shows it.")
    private String node;

    @Override
    public Integer call() {
        verbosity.progress("Removing node \"" + node + "\" from cluster \"" + clusterName.get() + "\" ...");
        clusterName.cluster().removeNode(node);
        return ExitCodes.OK;
    }
}
