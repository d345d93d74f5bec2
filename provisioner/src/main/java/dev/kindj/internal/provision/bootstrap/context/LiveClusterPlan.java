package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlanJson;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The plan of a running cluster, kept as JSON on each of its nodes: creation writes it, adding or removing a worker
 * rewrites it, and operations on the running cluster read it back. Clusters made by kindj before it kept its plan
 * have none and cannot be changed.
 */
public final class LiveClusterPlan {

    public static final String PATH = "/kind/kindj-plan.json";

    private LiveClusterPlan() {
    }

    /**
     * Reads the plan from the first control plane.
     *
     * @throws dev.kindj.internal.provision.node.UnknownNameException when there is no such cluster
     * @throws IllegalStateException when its first control plane is not running or holds no plan
     */
    public static ClusterPlan read(NodeProvider provider, String clusterName) {
        List<Node> containers = ClusterNodes.all(provider, clusterName);
        Node controlPlane = containers.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE)
                .findFirst().orElseThrow(() -> new IllegalStateException("cluster " + clusterName + " has no control plane"));
        if (!controlPlane.isRunning()) {
            throw new IllegalStateException("control plane " + controlPlane.name() + " is not running; start the"
                    + " cluster first: kindj start cluster --name " + clusterName);
        }
        byte[] json;
        try {
            json = provider.copyOut(controlPlane.name(), PATH);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the plan of cluster " + clusterName + " cannot be read from "
                    + controlPlane.name() + ":" + PATH + " (a cluster made by an older kindj has none): "
                    + e.getMessage(), e);
        }
        return PlanJson.read(new String(json, StandardCharsets.UTF_8));
    }

    /** The plan as the file each node keeps, for a node that gets it with its other files. */
    public static NodeFile file(ClusterPlan plan) {
        return NodeFile.text(PATH, PlanJson.write(plan), NodeFile.PUBLIC);
    }

    /** Writes the plan to every Kubernetes node in it, stopped ones too, so that none keeps a stale one. */
    public static void write(NodeProvider provider, ClusterPlan plan) {
        NodeFile file = file(plan);
        Parallel.forEach("recording the cluster plan", plan.nodes().stream().map(PlannedNode::name).toList(),
                node -> provider.copyIn(node, List.of(file)));
    }
}
