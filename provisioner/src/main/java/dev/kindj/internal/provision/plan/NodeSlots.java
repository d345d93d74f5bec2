package dev.kindj.internal.provision.plan;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.node.NodeRole;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Where a node added to a running cluster goes. The planner gives the node at index i the IP host
 * {@code FIRST_NODE_HOST + i} and the i-th pod /24; a new node takes the first index whose IP and pod range are
 * both unused, so the two stay in step, and the first name of its role not taken (a control plane replacing a lost
 * one gets that one's name and address again).
 */
public final class NodeSlots {

    private NodeSlots() {
    }

    /** @param role a worker or a control plane */
    public static PlannedNode next(ClusterPlan plan, NodeRole role, String image) {
        Ipv4Cidr pods = plan.podSubnet();
        Set<String> ips = new HashSet<>();
        Set<String> podRanges = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (PlannedNode node : plan.containers()) {
            ips.add(node.ip());
            names.add(node.name());
            if (node.podCidr() != null) {
                podRanges.add(node.podCidr().toString());
            }
        }
        long podRangeCount = pods.size() >> (32 - ClusterPlanner.NODE_POD_PREFIX);
        long hostCount = plan.nodeSubnet().size() - ClusterPlanner.FIRST_NODE_HOST - 1;
        long index = LongStream.range(0, Math.min(podRangeCount, hostCount))
                .filter(i -> !ips.contains(plan.nodeSubnet().address(ClusterPlanner.FIRST_NODE_HOST + i))
                        && !podRanges.contains(pods.subnet(ClusterPlanner.NODE_POD_PREFIX, i).toString()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + plan.name()
                        + " has no free node address or pod range left for another node"));
        String base = plan.name() + "-" + role.label();
        String name = LongStream.iterate(1, n -> n + 1).mapToObj(n -> n == 1 ? base : base + n)
                .filter(candidate -> !names.contains(candidate)).findFirst().orElseThrow();
        return new PlannedNode(name, role, plan.nodeSubnet().address(ClusterPlanner.FIRST_NODE_HOST + index),
                pods.subnet(ClusterPlanner.NODE_POD_PREFIX, index), image,
                role == NodeRole.CONTROL_PLANE ? NodeConfig.controlPlane() : NodeConfig.worker());
    }
}
