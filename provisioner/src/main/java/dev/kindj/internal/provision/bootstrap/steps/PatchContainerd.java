package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.bootstrap.components.ContainerdConfig;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Applies the cluster's containerd patches to each added node's own containerd configuration (nodes may run different
 * images) and restarts containerd with it, before the kubelet first talks to it. The file lives in the container's
 * own layer, so restarts of the node keep it.
 */
public final class PatchContainerd implements CreationStep {

    @Override
    public String title() {
        return "Patching containerd";
    }

    @Override
    public boolean appliesTo(ClusterPlan plan) {
        return ContainerdConfig.hasPatches(plan.config());
    }

    @Override
    public void run(CreationContext context) {
        ClusterConfig config = context.plan().config();
        context.forEach(context.addedNodes(), node -> patch(context.provider(), node, config));
    }

    private static void patch(NodeProvider provider, PlannedNode node, ClusterConfig config) {
        String base = new String(provider.copyOut(node.name(), ContainerdConfig.PATH), StandardCharsets.UTF_8);
        String patched = ContainerdConfig.patched(base, config);
        provider.copyIn(node.name(), List.of(NodeFile.text(ContainerdConfig.PATH, patched, NodeFile.PUBLIC)));
        // the unit's start check waits until the CRI plugin is loaded again
        provider.exec(node.name(), "systemctl", "restart", "containerd").orThrow(node.name());
    }
}
