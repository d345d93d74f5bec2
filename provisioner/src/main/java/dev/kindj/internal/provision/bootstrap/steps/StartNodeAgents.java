package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.CreationContext;
import dev.kindj.internal.provision.bootstrap.CreationStep;
import dev.kindj.internal.provision.bootstrap.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.PlannedNode;

/** On every node: pod routes and masquerading, then the kubelet and kube-proxy. */
public final class StartNodeAgents implements CreationStep {

    @Override
    public String title() {
        return "Starting kubelets and pod network";
    }

    @Override
    public void run(CreationContext context) {
        context.forEach(context.plan().nodes(), node -> startOn(context, node));
    }

    /** Also for a node that joins a running cluster. */
    public static void startOn(CreationContext context, PlannedNode node) {
        NodeProvider provider = context.provider();
        var networking = context.plan().config().networking();
        if (!networking.disableDefaultCNI()) {
            NodeServices.enableNow(provider, node.name(), "kindj-pod-network.service");
        }
        NodeServices.start(provider, node.name(), "kubelet");
        if (networking.kubeProxyMode() != dev.kindj.config.KubeProxyMode.NONE) {
            NodeServices.start(provider, node.name(), "kube-proxy");
        }
    }
}
