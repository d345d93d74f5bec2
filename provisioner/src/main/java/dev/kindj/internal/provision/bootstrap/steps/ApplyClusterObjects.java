package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ClusterObjects;
import dev.kindj.internal.provision.bootstrap.components.MetalLb;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the RBAC bindings kubeadm would and CoreDNS, and MetalLB's CRDs and components when the cluster has
 * LoadBalancer Services, through the first control plane. One kubectl run for all: MetalLB's pods then start while
 * the nodes join and CoreDNS starts (their address pool waits for {@link AddLoadBalancerAddressPool}).
 */
public final class ApplyClusterObjects implements CreationStep {

    static final String MANIFEST = "/etc/kindj/manifests/cluster-objects.yaml";
    static final String METALLB_COMPONENTS = "/etc/kindj/manifests/metallb.yaml";

    private final boolean loadBalancerServices;

    public ApplyClusterObjects(boolean loadBalancerServices) {
        this.loadBalancerServices = loadBalancerServices;
    }

    @Override
    public String title() {
        return loadBalancerServices ? "Installing cluster objects (RBAC, CoreDNS, MetalLB)"
                : "Installing cluster objects (RBAC, CoreDNS)";
    }

    @Override
    public void run(CreationContext context) {
        String node = context.plan().firstControlPlane().name();
        List<NodeFile> files = new ArrayList<>(List.of(
                NodeFile.text(MANIFEST, ClusterObjects.yaml(context.plan()), NodeFile.PUBLIC)));
        List<String> apply = new ArrayList<>(List.of("apply", "--server-side", "-f", MANIFEST));
        if (loadBalancerServices) {
            requireMetalLb(context, node);
            files.add(NodeFile.text(METALLB_COMPONENTS, MetalLb.components(), NodeFile.PUBLIC));
            apply.addAll(List.of("-f", MetalLb.CRDS, "-f", METALLB_COMPONENTS));
        }
        context.provider().copyIn(node, files);
        context.kubectl().output(apply.toArray(String[]::new));
    }

    private static void requireMetalLb(CreationContext context, String node) {
        if (!context.provider().exec(node, "test", "-f", MetalLb.CRDS).succeeded()) {
            throw new IllegalStateException("node image " + context.plan().firstControlPlane().image()
                    + " has no MetalLB (it was built by an older kindj), so it cannot serve Services of type"
                    + " LoadBalancer: rebuild it with `kindj build node-image`, or create the cluster with"
                    + " --disable-load-balancer-services");
        }
    }
}
