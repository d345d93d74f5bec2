package dev.kindj.cli.create;

import dev.kindj.api.KindjCluster;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "node", description = "Add a node to a running cluster and wait until it is Ready; prints its name.")
public final class CreateNodeCommand implements Callable<Integer> {

    /** Joining control planes (etcd members) to a running cluster is not supported. */
    enum Role { worker }

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "worker",
            description = "The new node's role; only ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Role role;
    @Option(names = "--image", paramLabel = "IMAGE", description = "Node image (default: the first control plane's).")
    private String image;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        verbosity.progress("Adding a " + role + " to cluster \"" + clusterName.get() + "\" ...");
        KindjCluster cluster = clusterName.cluster();
        spec.commandLine().getOut().println((image == null ? cluster.addWorker() : cluster.addWorker(image)).name());
        return ExitCodes.OK;
    }
}
