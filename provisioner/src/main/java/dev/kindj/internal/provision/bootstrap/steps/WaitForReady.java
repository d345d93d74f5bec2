package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Waits until every added node is Ready and, when this run installed it, CoreDNS answers; unless told not to wait. */
public final class WaitForReady implements CreationStep {

    @Override
    public String title() {
        return "Waiting for nodes and DNS to be ready";
    }

    @Override
    public void run(CreationContext context) {
        Duration timeout = context.waitForReady();
        if (timeout.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        AdminKubectl kubectl = context.kubectl();
        List<String> command = new ArrayList<>(List.of("wait", "--for=condition=Ready", "--timeout=5s"));
        context.addedNodes().forEach(node -> command.add("node/" + node.name()));
        Waits.until("the nodes to be Ready", timeout,
                () -> kubectl.run(command.toArray(String[]::new)).succeeded(),
                () -> kubectl.run("get", "nodes", "-o", "wide").stdout() + kubeletJournals(context));
        // A node joining a running cluster does not wait for DNS that was there before it.
        if (!context.addedNodes().contains(context.plan().firstControlPlane())) {
            return;
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
        var networking = context.plan().config().networking();
        if (networking.disableDefaultCNI() || networking.kubeProxyMode() == KubeProxyMode.NONE) {
            // CoreDNS cannot start without a pod network, nor reach the API without a Service proxy (the user
            // installs those); the cluster takes pods once the controller-manager made the default ServiceAccount.
            Waits.until("the default ServiceAccount to exist", left,
                    () -> kubectl.run("get", "serviceaccount", "default").succeeded(),
                    () -> kubectl.run("get", "serviceaccounts", "-A").stdout());
            return;
        }
        Waits.until("CoreDNS to be available", left,
                () -> kubectl.run("-n", "kube-system", "rollout", "status", "deployment/coredns", "--timeout=5s")
                        .succeeded(),
                () -> kubectl.run("-n", "kube-system", "get", "pods", "-o", "wide").stdout());
    }

    private static String kubeletJournals(CreationContext context) {
        StringBuilder journals = new StringBuilder();
        for (PlannedNode node : context.addedNodes()) {
            journals.append("\nkubelet on ").append(node.name()).append(":\n")
                    .append(NodeServices.journal(context.provider(), node.name(), "kubelet"));
        }
        return journals.toString();
    }
}
