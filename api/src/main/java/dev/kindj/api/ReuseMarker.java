package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A file in every Kubernetes node of a cluster made with {@link ClusterBuilder#reuse(boolean)}: {@value #PENDING} as
 * soon as the containers exist, then a hash of what was asked for (config and node image) once creation finished, so
 * a cluster whose creation was cut short is known as a reusable one but never matches.
 */
final class ReuseMarker {

    static final String PATH = "/etc/kindj/reuse";
    private static final String PENDING = "creating";
    private static final int OWNER_ONLY = 0600;
    private static final int HEX_DIGITS = 16;

    private ReuseMarker() {
    }

    /** Equal for equal requests; changes with anything that would make another cluster. */
    static String hash(ClusterConfig config, String nodeImage, boolean loadBalancerServices, ClusterFlavor flavor) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((config + "|" + nodeImage + "|" + loadBalancerServices + "|" + flavor).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static void write(KindjCluster cluster, String hash) {
        byte[] content = (hash + "\n").getBytes(StandardCharsets.UTF_8);
        kubernetesNodes(cluster).forEach(node -> cluster.copyToNode(node.name(), PATH, content, OWNER_ONLY));
    }

    /** Marks a cluster under creation as made for reuse; false while its containers do not exist yet. */
    static boolean writePending(Kindj kindj, String clusterName) {
        try {
            Optional<KindjCluster> cluster = kindj.find(clusterName);
            cluster.ifPresent(created -> write(created, PENDING));
            return cluster.isPresent();
        } catch (KindjException noRunningContainersYet) {
            return false;
        }
    }

    /**
     * Whether the existing cluster was made for reuse from the same request, all its containers run and its API
     * answers.
     *
     * @throws InvalidRequestException when the cluster was not made for reuse: kindj does not take over (or
     *         delete) a cluster someone made for another purpose
     */
    static boolean matches(Kindj kindj, KindjCluster cluster, String hash) {
        List<Node> nodes = kubernetesNodes(cluster);
        Optional<String> marker = nodes.stream().filter(Node::isRunning).findFirst()
                .map(node -> kindj.provider().exec(node.name(), "cat", PATH))
                .filter(ExecResult::succeeded).map(read -> read.stdout().strip());
        if (marker.isEmpty()) {
            throw new InvalidRequestException("a cluster named " + cluster.name() + " exists that was not made for reuse (or none of"
                    + " its nodes runs);"
                    + " delete it (kindj delete cluster --name " + cluster.name() + ") or choose another name");
        }
        boolean allRunning = ClusterNodes.all(kindj.provider(), cluster.name()).stream().allMatch(Node::isRunning);
        return marker.filter(hash::equals).isPresent() && allRunning && answers(kindj, nodes);
    }

    private static boolean answers(Kindj kindj, List<Node> nodes) {
        return nodes.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE).findFirst()
                .map(controlPlane -> new AdminKubectl(kindj.provider(), controlPlane.name()).run("get", "--raw=/readyz").succeeded())
                .orElse(false);
    }

    private static List<Node> kubernetesNodes(KindjCluster cluster) {
        return ClusterNodes.kubernetesNodes(cluster.kindj().provider(), cluster.name());
    }
}
