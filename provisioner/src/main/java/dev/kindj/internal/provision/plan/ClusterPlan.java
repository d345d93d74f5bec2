package dev.kindj.internal.provision.plan;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.node.NodeRole;
import java.util.List;
import java.util.Optional;

/**
 * Everything decided before the first container starts: names, fixed IPs, pod ranges, service IPs,
 * the API endpoint and the user id of the control-plane components ({@link ControlPlaneUser}).
 * Bootstrap steps read it and never decide these again.
 */
public record ClusterPlan(
        String name,
        ClusterConfig config,
        Ipv4Cidr nodeSubnet,
        List<PlannedNode> nodes,
        Optional<PlannedNode> loadBalancer,
        int controlPlaneUid) {

    public static final String CLUSTER_DOMAIN = "cluster.local";
    public static final int API_SERVER_PORT = ClusterConfig.API_SERVER_CONTAINER_PORT;

    public ClusterPlan {
        nodes = List.copyOf(nodes);
    }

    /** The same cluster with other Kubernetes nodes, as after adding or removing a worker. */
    public ClusterPlan withNodes(List<PlannedNode> newNodes) {
        return new ClusterPlan(name, config, nodeSubnet, newNodes, loadBalancer, controlPlaneUid);
    }

    /** The same cluster with one more node: a control plane after the others, a worker last. */
    public ClusterPlan withNode(PlannedNode added) {
        List<PlannedNode> newNodes = new java.util.ArrayList<>(nodes);
        newNodes.add(added.isControlPlane() ? nodes.indexOf(controlPlanes().get(controlPlanes().size() - 1)) + 1
                : nodes.size(), added);
        return withNodes(newNodes);
    }

    /** The same cluster without the named node. */
    public ClusterPlan withoutNode(String nodeName) {
        return withNodes(nodes.stream().filter(node -> !node.name().equals(nodeName)).toList());
    }

    public List<PlannedNode> controlPlanes() {
        return nodes.stream().filter(PlannedNode::isControlPlane).toList();
    }

    public List<PlannedNode> workers() {
        return nodes.stream().filter(node -> node.role() == NodeRole.WORKER).toList();
    }

    public PlannedNode firstControlPlane() {
        return controlPlanes().get(0);
    }

    public PlannedNode node(String nodeName) {
        return nodes.stream().filter(node -> node.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeName + " in cluster " + name));
    }

    /** Every container: the load balancer (if any) first, then the nodes. */
    public List<PlannedNode> containers() {
        return loadBalancer.map(lb -> concat(lb, nodes)).orElse(nodes);
    }

    /** The container whose port 6443 is published for the user's kubeconfig. */
    public PlannedNode apiServerContainer() {
        return loadBalancer.orElseGet(this::firstControlPlane);
    }

    /** Where kubelets, kube-proxy and in-cluster kubeconfigs reach the API: the load balancer when there is one. */
    public String clusterEndpoint() {
        return "https://" + apiServerContainer().ip() + ":" + API_SERVER_PORT;
    }

    public Ipv4Cidr podSubnet() {
        return Ipv4Cidr.of(config.networking().podSubnet());
    }

    public Ipv4Cidr serviceSubnet() {
        return Ipv4Cidr.of(config.networking().serviceSubnet());
    }

    /** The `kubernetes` Service's IP, as the API server allocates it. */
    public String firstServiceIp() {
        return serviceSubnet().address(1);
    }

    /** kube-dns's Service IP: the tenth address, as kubeadm chooses. */
    public String dnsServiceIp() {
        return serviceSubnet().address(10);
    }

    private static List<PlannedNode> concat(PlannedNode first, List<PlannedNode> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
