package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.MetalLb;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.ArrayList;
import java.util.List;

/** Installs MetalLB (see {@link MetalLb}) and the cluster's address pool for Services of type LoadBalancer. */
public final class InstallLoadBalancerServices implements CreationStep {

    static final String COMPONENTS = "/etc/kindj/manifests/metallb.yaml";
    static final String POOL = "/etc/kindj/manifests/metallb-pool.yaml";

    @Override
    public String title() {
        return "Installing LoadBalancer Services (MetalLB)";
    }

    @Override
    public void run(CreationContext context) {
        String node = context.plan().firstControlPlane().name();
        if (!context.provider().exec(node, "test", "-f", MetalLb.CRDS).succeeded()) {
            throw new IllegalStateException("node image " + context.plan().firstControlPlane().image()
                    + " has no MetalLB (it was built by an older kindj), so it cannot serve Services of type"
                    + " LoadBalancer: rebuild it with `kindj build node-image`, or create the cluster with"
                    + " --disable-load-balancer-services");
        }
        context.provider().copyIn(node, List.of(
                NodeFile.text(COMPONENTS, MetalLb.components(), NodeFile.PUBLIC),
                NodeFile.text(POOL, MetalLb.pool(context.plan()), NodeFile.PUBLIC)));
        AdminKubectl kubectl = context.kubectl();
        kubectl.output("apply", "--server-side", "-f", MetalLb.CRDS, "-f", COMPONENTS);
        List<String> established = new ArrayList<>(List.of("wait", "--for=condition=Established", "--timeout=30s"));
        MetalLb.POOL_CRDS.forEach(crd -> established.add("crd/" + crd));
        kubectl.output(established.toArray(String[]::new));
        kubectl.output("apply", "--server-side", "-f", POOL);
    }
}
