package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ApiOnlyFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.LiveClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the api-only node with its certificates, kubeconfigs, component arguments and plan already in it, and
 * starts it: its command runs the components at once, with no systemd to boot first.
 */
public final class StartApiOnlyNode implements CreationStep {

    @Override
    public String title() {
        return "Starting etcd, API server and controller-manager";
    }

    @Override
    public void run(CreationContext context) {
        PlannedNode node = context.plan().firstControlPlane();
        var files = new ArrayList<>(context.pki().filesFor(node.name()));
        files.addAll(ApiOnlyFiles.forNode(context.plan(), node));
        // its only node gets the plan now, not in a step of its own after the start
        files.add(LiveClusterPlan.file(context.plan()));
        context.provider().createCommandNode(CreateNodes.spec(context.plan(), node, context.provider()), List.of(ApiOnlyFiles.SCRIPT), files);
    }
}
