package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.MetalLb;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import java.util.List;

/**
 * Waits until MetalLB's controller and every speaker are ready, so a Service of type LoadBalancer gets its address at
 * once; unless told not to wait, or the cluster has no pod network or Service proxy yet (MetalLB waits for the user's).
 */
public final class WaitForLoadBalancerServices implements CreationStep {

    @Override
    public String title() {
        return "Waiting for LoadBalancer Services to be ready";
    }

    @Override
    public void run(CreationContext context) {
        var networking = context.plan().config().networking();
        if (context.waitForReady().isZero() || networking.disableDefaultCNI()
                || networking.kubeProxyMode() == KubeProxyMode.NONE) {
            return;
        }
        AdminKubectl kubectl = context.kubectl();
        Waits.until("MetalLB to be available", context.waitForReady(),
                () -> kubectl.runEach(List.of(rolloutStatus("deployment/" + MetalLb.CONTROLLER),
                        rolloutStatus("daemonset/" + MetalLb.SPEAKER))).succeeded(),
                () -> kubectl.run("-n", MetalLb.NAMESPACE, "get", "pods", "-o", "wide").stdout());
    }

    private static List<String> rolloutStatus(String workload) {
        return List.of("-n", MetalLb.NAMESPACE, "rollout", "status", workload, "--timeout=5s");
    }
}
