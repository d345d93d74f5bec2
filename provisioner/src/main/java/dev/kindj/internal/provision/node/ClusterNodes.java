package dev.kindj.internal.provision.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finding a cluster's node containers by name, with errors that say what exists instead. */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    /** Every container of the cluster, load balancer included. */
    public static List<Node> all(NodeProvider provider, String clusterName) {
        List<Node> nodes = provider.listNodes(clusterName);
        if (nodes.isEmpty()) {
            throw new UnknownNameException("no cluster named '" + clusterName + "'"
                    + existing(provider.listClusters(), " (clusters: ", ")"));
        }
        return nodes;
    }

    /** The cluster's Kubernetes nodes (not its load balancer). */
    public static List<Node> kubernetesNodes(NodeProvider provider, String clusterName) {
        return all(provider, clusterName).stream().filter(node -> node.role() != NodeRole.LOAD_BALANCER).toList();
    }

    /**
     * The named Kubernetes nodes of the cluster, or all of them when no names are given; each must be running.
     *
     * @throws UnknownNameException for a cluster or node that does not exist
     * @throws dev.kindj.InvalidRequestException for a node that is not running
     */
    public static List<Node> runningKubernetesNodes(NodeProvider provider, String clusterName, List<String> names) {
        return running(kubernetesNodes(provider, clusterName), clusterName, names);
    }

    /** As {@link #runningKubernetesNodes}, from the cluster's Kubernetes nodes already listed. */
    public static List<Node> running(List<Node> kubernetesNodes, String clusterName, List<String> names) {
        return running(names.isEmpty() ? kubernetesNodes : named(kubernetesNodes, clusterName, names), clusterName);
    }

    /**
     * One container of the cluster, load balancer included, which must be running.
     *
     * @throws UnknownNameException for a cluster or container that does not exist
     * @throws dev.kindj.InvalidRequestException for a container that is not running
     */
    public static Node runningContainer(NodeProvider provider, String clusterName, String name) {
        return running(named(all(provider, clusterName), clusterName, List.of(name)), clusterName).get(0);
    }

    private static List<Node> running(List<Node> selected, String clusterName) {
        List<String> stopped = selected.stream().filter(node -> !node.isRunning()).map(Node::name).toList();
        if (!stopped.isEmpty()) {
            throw new dev.kindj.InvalidRequestException("node " + String.join(", ", stopped) + " of cluster " + clusterName
                    + " is not running; start it with: kindj start cluster --name " + clusterName);
        }
        return selected;
    }

    private static List<Node> named(List<Node> nodes, String clusterName, List<String> names) {
        Map<String, Node> byName = nodes.stream().collect(Collectors.toMap(Node::name, Function.identity()));
        List<Node> selected = new ArrayList<>();
        for (String name : names.stream().distinct().toList()) {
            Node node = byName.get(name);
            if (node == null) {
                throw new UnknownNameException("no node named '" + name + "' in cluster " + clusterName
                        + existing(nodes.stream().map(Node::name).toList(), " (nodes: ", ")"));
            }
            selected.add(node);
        }
        return selected;
    }

    private static String existing(List<String> names, String prefix, String suffix) {
        return names.isEmpty() ? "" : prefix + String.join(", ", names) + suffix;
    }
}
