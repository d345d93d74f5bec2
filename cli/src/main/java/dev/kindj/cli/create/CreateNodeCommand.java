package dev.kindj.cli.create;

import dev.kindj.api.KindjCluster;
import dev.kindj.api.KindjNode;
import dev.kindj.api.NodeRole;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "node", description = "Add a node to a running cluster and wait until it is Ready; prints its name."
        + " A control plane (clusters with several only) first replaces those whose containers are gone.")
public final class CreateNodeCommand implements Callable<Integer> {

    /** The roles a node can join with, spelled as in kind's config. */
    private static final List<NodeRole> ROLES = List.of(NodeRole.WORKER, NodeRole.CONTROL_PLANE);

    static final class RoleConverter implements ITypeConverter<NodeRole> {
        @Override
        public NodeRole convert(String value) {
            return ROLES.stream().filter(role -> role.label().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a role; use worker or"
                            + " control-plane"));
        }
    }

    static final class RoleCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ROLES.stream().map(NodeRole::label).iterator();
        }
    }

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "worker", converter = RoleConverter.class,
            completionCandidates = RoleCandidates.class,
            description = "The new node's role: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private NodeRole role;
    @Option(names = "--image", paramLabel = "IMAGE", description = "Node image (default: the first control plane's).")
    private String image;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        verbosity.progress("Adding a " + role.label() + " to cluster \"" + clusterName.get() + "\" ...");
        KindjCluster cluster = clusterName.cluster();
        KindjNode added = role == NodeRole.CONTROL_PLANE
                ? (image == null ? cluster.addControlPlane() : cluster.addControlPlane(image))
                : (image == null ? cluster.addWorker() : cluster.addWorker(image));
        spec.commandLine().getOut().println(added.name());
        return ExitCodes.OK;
    }
}
