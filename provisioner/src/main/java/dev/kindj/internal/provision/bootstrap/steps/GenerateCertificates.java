package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
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
        PkiRequest request = request(context.plan());
        context.pki(context.inBackground(() -> ClusterPki.generate(request)));
    }

    static PkiRequest request(ClusterPlan plan) {
        return new PkiRequest(
                plan.name(),
                plan.controlPlanes().stream().map(node -> new ControlPlaneEndpoint(node.name(), node.ip())).toList(),
                plan.nodes().stream().map(PlannedNode::name).toList(),
                extraApiServerSans(plan),
                plan.firstServiceIp(),
                ClusterPlan.CLUSTER_DOMAIN,
                plan.clusterEndpoint(),
                KeyAlgorithm.ECDSA_P256);
    }

    /** The names every API server's certificate carries besides its own node's: the load balancer, certSANs. */
    static List<String> extraApiServerSans(ClusterPlan plan) {
        List<String> extraSans = new ArrayList<>();
        plan.loadBalancer().ifPresent(lb -> {
            extraSans.add(lb.name());
            extraSans.add(lb.ip());
        });
        // kubeadm's certSANs are cluster-wide: every API server's certificate carries every control plane's
        plan.controlPlanes().forEach(node -> extraSans.addAll(plan.config().kubeadmFor(node.config()).certSANs()));
        String apiServerAddress = plan.config().networking().apiServerAddress();
        if (!"0.0.0.0".equals(apiServerAddress)) {
            extraSans.add(apiServerAddress);
        }
        return extraSans;
    }
}
