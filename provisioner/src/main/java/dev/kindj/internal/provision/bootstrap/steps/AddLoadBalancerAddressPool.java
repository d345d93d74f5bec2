package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.MetalLb;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives MetalLB (installed by {@link ApplyClusterObjects}) the cluster's address pool for Services of type
 * LoadBalancer. Its CRDs must be established first; by the time the nodes are ready they are, so this runs after
 * {@link WaitForReady} and the wait returns at once.
 */
public final class AddLoadBalancerAddressPool implements CreationStep {

    static final String POOL = "/etc/kindj/manifests/metallb-pool.yaml";

    @Override
    public String title() {
        return "Configuring LoadBalancer Services (MetalLB address pool)";
    }

    @Override
    public void run(CreationContext context) {
        String node = context.plan().firstControlPlane().name();
        context.provider().copyIn(node, List.of(NodeFile.text(POOL, MetalLb.pool(context.plan()), NodeFile.PUBLIC)));
        AdminKubectl kubectl = context.kubectl();
        List<String> established = new ArrayList<>(List.of("wait", "--for=condition=Established", "--timeout=30s"));
        MetalLb.POOL_CRDS.forEach(crd -> established.add("crd/" + crd));
        kubectl.output(established.toArray(String[]::new));
        kubectl.output("apply", "--server-side", "-f", POOL);
    }
}
