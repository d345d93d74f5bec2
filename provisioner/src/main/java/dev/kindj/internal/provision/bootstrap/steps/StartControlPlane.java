package dev.kindj.internal.provision.bootstrap.steps;

import static dev.kindj.internal.provision.pki.PkiPaths.certificate;
import static dev.kindj.internal.provision.pki.PkiPaths.key;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;

/**
 * Waits until kube-apiserver on every added control plane is ready (started at the first one's boot, on the others
 * once their etcd joined), then starts the controller-manager and the scheduler (which elect one leader among
 * themselves).
 */
public final class StartControlPlane implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** How long one exec polls before the wait checks its deadline (and the polling starts again). */
    private static final int POLL_SECONDS = 10;

    @Override
    public String title() {
        return "Starting control-plane";
    }

    @Override
    public void run(CreationContext context) {
        NodeProvider provider = context.provider();
        context.forEach(context.addedNodes().stream().filter(PlannedNode::isControlPlane).toList(), node -> {
            Waits.until("kube-apiserver on " + node.name() + " to be ready", TIMEOUT,
                    () -> provider.exec(node.name(), "timeout", String.valueOf(POLL_SECONDS), "sh", "-c",
                            "until " + readyzAnswers200(node) + "; do sleep 0.1; done").succeeded(),
                    () -> "/readyz of " + node.ip() + " not ready; journal:\n"
                            + NodeServices.journal(provider, node.name(), "kube-apiserver"));
            // Started once the API is ready, they get their leader leases at the first try: started with it (as at
            // every boot), their first tries failed while the API server started and the next came 2 s later, which
            // every pod waited for; they also took CPU from the API server's start.
            NodeServices.release(provider, node.name(), "kube-controller-manager", "kube-scheduler");
        });
    }

    /**
     * A shell condition: this node's own API server (not the cluster endpoint the kubeconfig names) answers
     * {@code /readyz} with 200. openssl's TLS client costs a tenth of a kubectl run's CPU (the image has no curl), so
     * it can look every 0.1 s, inside the node, while the API server starts on the same cores. It shows the API
     * server's kubelet client certificate, so that it is let in also where a config turned anonymous requests off.
     */
    private static String readyzAnswers200(PlannedNode node) {
        return "printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' | timeout 2 openssl s_client -quiet"
                + " -connect " + node.ip() + ":" + ClusterPlan.API_SERVER_PORT
                + " -cert " + certificate(PkiPaths.API_SERVER_KUBELET_CLIENT)
                + " -key " + key(PkiPaths.API_SERVER_KUBELET_CLIENT)
                + " 2>/dev/null | head -n 1 | grep -q ' 200 '";
    }
}
