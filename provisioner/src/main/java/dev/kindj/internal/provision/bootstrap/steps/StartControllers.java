package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.plan.PlannedNode;

/**
 * Waits until kube-apiserver on every added control plane is ready, then starts its controller-manager and scheduler
 * (which elect one leader among the control planes).
 */
public final class StartControllers implements CreationStep {

    @Override
    public String title() {
        return "Starting controller-manager and scheduler";
    }

    @Override
    public void run(CreationContext context) {
        context.forEach(context.addedNodes().stream().filter(PlannedNode::isControlPlane).toList(), node -> {
            LocalReadyz.awaitReady(context.provider(), node);
            // Started once the API is ready, they get their leader leases at the first try: started with it (as at
            // every boot), their first tries failed while the API server started and the next came 2 s later, which
            // every pod waited for; they also took CPU from the API server's start.
            NodeServices.release(context.provider(), node.name(), "kube-controller-manager", "kube-scheduler");
        });
    }
}
