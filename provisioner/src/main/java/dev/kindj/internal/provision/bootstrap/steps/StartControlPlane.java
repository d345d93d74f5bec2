package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.plan.PlannedNode;

/**
 * Waits until kube-apiserver on every added control plane serves requests (started at the first one's boot, on the
 * others once their etcd joined); {@link StartControllers} waits for it to be ready.
 */
public final class StartControlPlane implements CreationStep {

    @Override
    public String title() {
        return "Starting control-plane";
    }

    @Override
    public void run(CreationContext context) {
        context.forEach(context.addedNodes().stream().filter(PlannedNode::isControlPlane).toList(),
                node -> LocalReadyz.awaitServing(context.provider(), node));
    }
}
