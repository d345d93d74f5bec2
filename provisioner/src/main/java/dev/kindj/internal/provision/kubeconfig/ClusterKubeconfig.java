package dev.kindj.internal.provision.kubeconfig;

import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.UnknownNameException;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** The admin kubeconfig of an existing cluster, rebuilt from what its nodes hold. */
public final class ClusterKubeconfig {

    private static final String ADMIN_CONF = "/etc/kubernetes/admin.conf";

    private ClusterKubeconfig() {
    }

    /**
     * The cluster's admin kubeconfig named {@code kindj-<cluster>}: for the host (the API port
     * published on it), or internal (the API's address on the cluster's Docker network, for
     * clients in other containers on that network).
     */
    public static String read(NodeProvider provider, String clusterName, boolean internal) {
        List<Node> nodes = provider.listNodes(clusterName);
        Node controlPlane = nodes.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE)
                .min(Comparator.comparing(Node::name))
                .orElseThrow(() -> new UnknownNameException("no cluster named '" + clusterName
                        + "' (kindj get clusters lists the existing ones)"));
        Node apiServer = nodes.stream().filter(node -> node.role() == NodeRole.LOAD_BALANCER).findFirst().orElse(controlPlane);
        if (!controlPlane.isRunning() || !apiServer.isRunning()) {
            throw new dev.kindj.InvalidRequestException("cluster '" + clusterName + "' is not running; start it first"
                    + " (kindj start cluster --name " + clusterName + ")");
        }
        String server = internal
                ? "https://" + apiServer.ipAddress() + ":" + ClusterPlan.API_SERVER_PORT
                : hostApiServerUrl(provider, apiServer.name());
        Kubeconfig admin = Kubeconfig.parse(new String(provider.copyOut(controlPlane.name(), ADMIN_CONF), StandardCharsets.UTF_8));
        return admin.renamed(KubeconfigFile.entryName(clusterName), server).toYaml();
    }

    /** The API server's URL on the host, through the port published by the given container. */
    public static String hostApiServerUrl(NodeProvider provider, String apiServerContainer) {
        return "https://" + provider.publishedEndpoint(apiServerContainer, ClusterPlan.API_SERVER_PORT)
                .orElseThrow(() -> new IllegalStateException(apiServerContainer + " publishes no API server port"));
    }
}
