package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.CreationContext;
import dev.kindj.internal.provision.bootstrap.CreationStep;
import dev.kindj.internal.provision.bootstrap.Waits;
import dev.kindj.internal.provision.node.ExecResult;
import java.time.Duration;

/** Waits until every node is Ready and CoreDNS answers, unless the user asked not to wait. */
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
        Waits.until("all nodes to be Ready", timeout,
                () -> context.kubectl("wait", "--for=condition=Ready", "nodes", "--all", "--timeout=5s").succeeded(),
                () -> context.kubectl("get", "nodes", "-o", "wide").stdout());
        if (context.plan().config().networking().disableDefaultCNI()) {
            return; // without a pod network CoreDNS cannot start; the user installs one
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
        Waits.until("CoreDNS to be available", left.isZero() ? Duration.ofSeconds(1) : left,
                () -> {
                    ExecResult rollout = context.kubectl("-n", "kube-system", "rollout", "status",
                            "deployment/coredns", "--timeout=5s");
                    return rollout.succeeded();
                },
                () -> context.kubectl("-n", "kube-system", "get", "pods", "-o", "wide").stdout());
    }
}
