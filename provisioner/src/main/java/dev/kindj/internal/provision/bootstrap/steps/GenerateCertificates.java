package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.PortMapping;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.ClusterPki;
import dev.kindj.internal.provision.pki.ControlPlaneEndpoint;
import dev.kindj.internal.provision.pki.KeyAlgorithm;
import dev.kindj.internal.provision.pki.PkiRequest;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.List;

/** Starts generating every key and certificate in the background; nodes boot meanwhile. */
public final class GenerateCertificates implements CreationStep {

    @Override
    public String title() {
        return "Generating certificates";
    }

    @Override
    public void run(CreationContext context) {
        PkiRequest request = request(context.plan(), context.plan().nodes(), clientAddress(context.plan(), context.provider()));
        context.pki(context.inBackground(() -> ClusterPki.generate(request)));
    }

    /**
     * The address clients reach the API server at, which the kubeconfig names: the one it is published on, or the
     * engine's address when it is published on every address.
     */
    static String clientAddress(ClusterPlan plan, NodeProvider provider) {
        String address = plan.config().networking().apiServerAddress();
        return PortMapping.ANY_ADDRESS.equals(address) ? provider.engineAddress() : provider.publishAddress(address);
    }

    /** What {@code nodes} of the plan need: every node's identity, and a serving certificate per control plane. */
    static PkiRequest request(ClusterPlan plan, List<PlannedNode> nodes, String clientAddress) {
        return new PkiRequest(
                plan.name(),
                nodes.stream().filter(PlannedNode::isControlPlane)
                        .map(node -> new ControlPlaneEndpoint(node.name(), node.ip())).toList(),
                nodes.stream().map(PlannedNode::name).toList(),
                extraApiServerSans(plan, clientAddress),
                plan.firstServiceIp(),
                ClusterPlan.CLUSTER_DOMAIN,
                plan.clusterEndpoint(),
                KeyAlgorithm.ECDSA_P256);
    }

    /** Names every API server's certificate carries besides its node's: load balancer, certSANs, client address. */
    private static List<String> extraApiServerSans(ClusterPlan plan, String clientAddress) {
        List<String> extraSans = new ArrayList<>();
        plan.loadBalancer().ifPresent(lb -> {
            extraSans.add(lb.name());
            extraSans.add(lb.ip());
        });
        // kubeadm's certSANs are cluster-wide: every API server's certificate carries every control plane's
        plan.controlPlanes().forEach(node -> extraSans.addAll(plan.config().kubeadmFor(node.config()).certSANs()));
        extraSans.add(clientAddress);
        return extraSans;
    }
}
