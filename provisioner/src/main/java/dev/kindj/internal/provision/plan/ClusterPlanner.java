package dev.kindj.internal.provision.plan;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.NodeConfig;
import dev.kindj.config.NodeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated config and the cluster network's subnet into a plan. Names follow kind
 * ({@code <cluster>-control-plane}, {@code <cluster>-control-plane2}, {@code <cluster>-worker}, ...),
 * so kind users find what they expect.
 */
public final class ClusterPlanner {

    /** Host addresses below this are left to Docker's gateway and the load balancer. */
    static final int LOAD_BALANCER_HOST = 2;
    static final int FIRST_NODE_HOST = 10;
    static final int NODE_POD_PREFIX = 24;

    private ClusterPlanner() {
    }

    /** Every distinct node image the config needs, given the default for nodes that name none. */
    public static List<String> images(ClusterConfig config, String defaultImage) {
        return config.nodes().stream().map(node -> node.image() != null ? node.image() : defaultImage).distinct().toList();
    }

    /** Whether the cluster gets a load balancer in front of its API servers: it does when it has several control planes. */
    public static boolean needsLoadBalancer(ClusterConfig config) {
        return config.controlPlanes().size() > 1;
    }

    /** @param loadBalancerImage the image of the load balancer, which only clusters with several control planes have */
    public static ClusterPlan plan(ClusterConfig config, String nodeSubnet, String defaultImage, String loadBalancerImage) {
        Ipv4Cidr subnet = Ipv4Cidr.of(nodeSubnet);
        Ipv4Cidr pods = Ipv4Cidr.of(config.networking().podSubnet());
        List<PlannedNode> nodes = new ArrayList<>();
        int controlPlanes = 0;
        int workers = 0;
        for (NodeConfig node : config.nodes()) {
            boolean controlPlane = node.role() == NodeRole.CONTROL_PLANE;
            int ordinal = controlPlane ? ++controlPlanes : ++workers;
            String base = config.name() + (controlPlane ? "-control-plane" : "-worker");
            String name = ordinal == 1 ? base : base + ordinal;
            int index = nodes.size();
            nodes.add(new PlannedNode(name,
                    controlPlane ? dev.kindj.internal.provision.node.NodeRole.CONTROL_PLANE : dev.kindj.internal.provision.node.NodeRole.WORKER,
                    subnet.address(FIRST_NODE_HOST + index),
                    pods.subnet(NODE_POD_PREFIX, index),
                    node.image() != null ? node.image() : defaultImage,
                    node));
        }
        Optional<PlannedNode> loadBalancer = needsLoadBalancer(config)
                ? Optional.of(new PlannedNode(config.name() + "-external-load-balancer",
                        dev.kindj.internal.provision.node.NodeRole.LOAD_BALANCER, subnet.address(LOAD_BALANCER_HOST), null,
                        loadBalancerImage, null))
                : Optional.empty();
        return new ClusterPlan(config.name(), config, subnet, nodes, loadBalancer,
                ControlPlaneUser.forCluster(config.name()));
    }
}
