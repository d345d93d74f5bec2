package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.PlannedNode;

/** On every added node: pod routes and masquerading, then the kubelet and kube-proxy. */
public final class StartNodeAgents implements CreationStep {

    @Override
    public String title() {
        return "Starting kubelets and pod network";
    }

    @Override
    public void run(CreationContext context) {
        context.forEach(context.addedNodes(), node -> startOn(context, node));
    }

    private static void startOn(CreationContext context, PlannedNode node) {
        NodeProvider provider = context.provider();
        var networking = context.plan().config().networking();
        if (!networking.disableDefaultCNI()) {
            NodeServices.enableNow(provider, node.name(), PodNetworkFiles.UNIT);
        }
        NodeServices.start(provider, node.name(), "kubelet");
        if (networking.kubeProxyMode() != KubeProxyMode.NONE) {
            NodeServices.start(provider, node.name(), "kube-proxy");
        }
    }
}
