package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;

/**
 * For nodes joining a running cluster: the nodes already running rewrite and rerun their pod-network unit, whose
 * routes then reach the new nodes' pod ranges too.
 */
public final class RoutePodRanges implements CreationStep {

    @Override
    public String title() {
        return "Routing the other nodes to the new pod ranges";
    }

    @Override
    public boolean appliesTo(ClusterPlan plan) {
        return !plan.config().networking().disableDefaultCNI();
    }

    @Override
    public void run(CreationContext context) {
        NodeProvider provider = context.provider();
        List<String> running = provider.listNodes(context.plan().name()).stream().filter(Node::isRunning)
                .map(Node::name).toList();
        List<PlannedNode> others = context.plan().nodes().stream()
                .filter(node -> running.contains(node.name()) && !context.addedNodes().contains(node)).toList();
        context.forEach(others, node -> {
            provider.copyIn(node.name(), PodNetworkFiles.forNode(context.plan(), node));
            provider.exec(node.name(), "systemctl", "restart", PodNetworkFiles.UNIT).orThrow(node.name());
        });
    }
}
