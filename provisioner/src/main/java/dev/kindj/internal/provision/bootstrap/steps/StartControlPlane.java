package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;

/**
 * Starts kube-apiserver on every added control plane, waits until each is ready, then starts the
 * controller-manager and scheduler (which elect one leader among themselves).
 */
public final class StartControlPlane implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String title() {
        return "Starting control-plane";
    }

    @Override
    public void run(CreationContext context) {
        NodeProvider provider = context.provider();
        context.forEach(context.addedNodes().stream().filter(PlannedNode::isControlPlane).toList(), node -> {
            NodeServices.start(provider, node.name(), "kube-apiserver");
            // This node's own API server, not the cluster endpoint (the load balancer) the kubeconfig names.
            String server = "https://" + node.ip() + ":" + ClusterPlan.API_SERVER_PORT;
            AdminKubectl kubectl = new AdminKubectl(provider, node.name(), PkiPaths.SUPER_ADMIN_KUBECONFIG);
            Waits.until("kube-apiserver on " + node.name() + " to be ready", TIMEOUT,
                    () -> kubectl.run("--server=" + server, "get", "--raw=/readyz").succeeded(),
                    () -> server + "/readyz not ready; journal:\n" + NodeServices.journal(provider, node.name(), "kube-apiserver"));
            NodeServices.start(provider, node.name(), "kube-controller-manager", "kube-scheduler");
        });
    }
}
