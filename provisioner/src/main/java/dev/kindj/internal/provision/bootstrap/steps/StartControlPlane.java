package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.CreationContext;
import dev.kindj.internal.provision.bootstrap.CreationStep;
import dev.kindj.internal.provision.bootstrap.NodeServices;
import dev.kindj.internal.provision.bootstrap.Waits;
import dev.kindj.internal.provision.node.NodeProvider;
import java.time.Duration;

/**
 * Starts kube-apiserver on every control plane, waits until each is ready, then starts the
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
        context.forEach(context.plan().controlPlanes(), node -> {
            NodeServices.start(provider, node.name(), "kube-apiserver");
            String readyz = "https://" + node.ip() + ":6443/readyz";
            Waits.until("kube-apiserver on " + node.name() + " to be ready", TIMEOUT,
                    () -> provider.exec(node.name(), "kubectl", "--kubeconfig=/etc/kubernetes/super-admin.conf",
                            "--server=https://" + node.ip() + ":6443", "get", "--raw=/readyz").succeeded(),
                    () -> readyz + " not ready; journal:\n" + NodeServices.journal(provider, node.name(), "kube-apiserver"));
            NodeServices.start(provider, node.name(), "kube-controller-manager", "kube-scheduler");
        });
    }
}
