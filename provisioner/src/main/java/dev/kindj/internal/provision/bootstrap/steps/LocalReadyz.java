package dev.kindj.internal.provision.bootstrap.steps;

import static dev.kindj.internal.provision.pki.PkiPaths.certificate;
import static dev.kindj.internal.provision.pki.PkiPaths.key;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;

/**
 * Waits on a control plane's own API server (not the cluster endpoint the kubeconfig names) by its {@code /readyz},
 * asked from inside the node. openssl's TLS client costs a tenth of a kubectl run's CPU (the image has no curl), so it
 * can look every 0.1 s while the API server starts on the same cores. It shows the API server's kubelet client
 * certificate, so that it is let in also where a config turned anonymous requests off.
 */
final class LocalReadyz {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** How long one exec polls before the wait checks its deadline (and the polling starts again). */
    private static final int POLL_SECONDS = 10;

    private LocalReadyz() {
    }

    /** Until {@code /readyz} answers at all: the API server serves requests, its post-start hooks may still run. */
    static void awaitServing(NodeProvider provider, PlannedNode node) {
        await(provider, node, "to serve", "^HTTP/1");
    }

    /** Until {@code /readyz} answers 200. */
    static void awaitReady(NodeProvider provider, PlannedNode node) {
        await(provider, node, "to be ready", " 200 ");
    }

    private static void await(NodeProvider provider, PlannedNode node, String what, String statusLine) {
        String answers = "printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' | timeout 2 openssl s_client -quiet"
                + " -connect " + node.ip() + ":" + ClusterPlan.API_SERVER_PORT
                + " -cert " + certificate(PkiPaths.API_SERVER_KUBELET_CLIENT)
                + " -key " + key(PkiPaths.API_SERVER_KUBELET_CLIENT)
                + " 2>/dev/null | head -n 1 | grep -q '" + statusLine + "'";
        Waits.until("kube-apiserver on " + node.name() + " " + what, TIMEOUT,
                () -> provider.exec(node.name(), "timeout", String.valueOf(POLL_SECONDS), "sh", "-c",
                        "until " + answers + "; do sleep 0.1; done").succeeded(),
                () -> "/readyz of " + node.ip() + " not answering as awaited; journal:\n"
                        + NodeServices.journal(provider, node.name(), "kube-apiserver"));
    }
}
