package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.LoadBalancerFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.List;

/**
 * Gives the load balancer its control planes: writes haproxy's configuration into its container (where it stays
 * across restarts), checks it, and has haproxy's master process load it (SIGUSR2 is its reload signal).
 */
public final class ConfigureLoadBalancer implements CreationStep {

    @Override
    public String title() {
        return "Configuring the load balancer";
    }

    @Override
    public boolean appliesTo(ClusterPlan plan) {
        return plan.loadBalancer().isPresent();
    }

    @Override
    public void run(CreationContext context) {
        apply(context.provider(), context.plan());
    }

    /** Points the load balancer at the plan's control planes, as they are now (after one was added or removed). */
    public static void apply(NodeProvider provider, ClusterPlan plan) {
        String loadBalancer = plan.loadBalancer().orElseThrow().name();
        provider.copyIn(loadBalancer, List.of(LoadBalancerFiles.config(plan)));
        provider.exec(loadBalancer, "haproxy", "-c", "-q", "-f", LoadBalancerFiles.CONFIG_PATH).orThrow(loadBalancer);
        provider.exec(loadBalancer, "kill", "-USR2", "1").orThrow(loadBalancer);
    }
}
