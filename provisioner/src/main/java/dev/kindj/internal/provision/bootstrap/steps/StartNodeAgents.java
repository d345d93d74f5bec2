package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;

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
        var networking = context.plan().config().networking();
        List<String> enable = networking.disableDefaultCNI() ? List.of() : List.of(PodNetworkFiles.UNIT);
        List<String> start = networking.kubeProxyMode() == KubeProxyMode.NONE
                ? List.of("kubelet")
                : List.of("kubelet", "kube-proxy");
        NodeServices.enableNowThenRelease(context.provider(), node.name(), enable, start);
    }
}
