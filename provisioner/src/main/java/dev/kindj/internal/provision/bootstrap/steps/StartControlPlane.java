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
 * Starts kube-apiserver, the controller-manager and the scheduler (which elect one leader among themselves) on every
 * added control plane and waits until each API server is ready.
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
            // The controller-manager and scheduler start with it, as they do at every boot: each waits for the API
            // by itself, and the controller-manager's start (one client per controller) is what pods wait for.
            NodeServices.start(provider, node.name(), "kube-apiserver", "kube-controller-manager", "kube-scheduler");
            // This node's own API server, not the cluster endpoint (the load balancer) the kubeconfig names.
            String server = "https://" + node.ip() + ":" + ClusterPlan.API_SERVER_PORT;
            AdminKubectl kubectl = new AdminKubectl(provider, node.name(), PkiPaths.SUPER_ADMIN_KUBECONFIG);
            Waits.until("kube-apiserver on " + node.name() + " to be ready", TIMEOUT,
                    () -> kubectl.run("--server=" + server, "get", "--raw=/readyz").succeeded(),
                    () -> server + "/readyz not ready; journal:\n" + NodeServices.journal(provider, node.name(), "kube-apiserver"));
        });
    }
}
