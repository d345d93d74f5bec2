package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ClusterObjects;
import dev.kindj.internal.provision.bootstrap.components.MetalLb;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the RBAC bindings kubeadm would and CoreDNS, and, when the cluster has LoadBalancer Services, MetalLB's CRDs,
 * components and address pool, through the first control plane. One exec: MetalLB's pods then start while the nodes
 * join and CoreDNS starts, and the pool (which needs the CRDs established, a fraction of a second after the apply)
 * does not wait for a step of its own at the end.
 */
public final class ApplyClusterObjects implements CreationStep {

    static final String MANIFEST = "/etc/kindj/manifests/cluster-objects.yaml";
    static final String METALLB_COMPONENTS = "/etc/kindj/manifests/metallb.yaml";
    static final String METALLB_POOL = "/etc/kindj/manifests/metallb-pool.yaml";

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
        List<List<String>> thenPool = new ArrayList<>();
        if (loadBalancerServices) {
            requireMetalLb(context, node);
            files.add(NodeFile.text(METALLB_COMPONENTS, MetalLb.components(), NodeFile.PUBLIC));
            files.add(NodeFile.text(METALLB_POOL, MetalLb.pool(context.plan()), NodeFile.PUBLIC));
            apply.addAll(List.of("-f", MetalLb.CRDS, "-f", METALLB_COMPONENTS));
            List<String> established = new ArrayList<>(List.of("wait", "--for=condition=Established", "--timeout=30s"));
            MetalLb.POOL_CRDS.forEach(crd -> established.add("crd/" + crd));
            thenPool.add(established);
            thenPool.add(List.of("apply", "--server-side", "-f", METALLB_POOL));
        }
        List<List<String>> runs = new ArrayList<>(List.of(apply));
        runs.addAll(thenPool);
        context.provider().copyIn(node, files);
        context.kubectl().outputOfEach(runs);
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
