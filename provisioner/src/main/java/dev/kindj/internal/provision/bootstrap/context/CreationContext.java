package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.ClusterPki;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** What every creation step shares: the plan, the provider, and what earlier steps produced. */
public final class CreationContext {

    private static final String SUPER_ADMIN_KUBECONFIG = "/etc/kubernetes/super-admin.conf";

    private final ClusterPlan plan;
    private final NodeProvider provider;
    private final ExecutorService executor;
    private final Duration waitForReady;
    private Future<ClusterPki> pki;
    private String exportedKubeconfig;

    CreationContext(ClusterPlan plan, NodeProvider provider, ExecutorService executor, Duration waitForReady) {
        this.plan = plan;
        this.provider = provider;
        this.executor = executor;
        this.waitForReady = waitForReady;
    }

    public ClusterPlan plan() {
        return plan;
    }

    public NodeProvider provider() {
        return provider;
    }

    /** How long to wait for nodes and system pods to become ready; zero means do not wait. */
    public Duration waitForReady() {
        return waitForReady;
    }

    /** Runs work in the background on the creation's threads (key generation while nodes boot). */
    public <T> Future<T> inBackground(java.util.concurrent.Callable<T> work) {
        return executor.submit(work);
    }

    /** Runs the action for every node at once and returns when all are done; the first failure is rethrown. */
    public void forEach(List<PlannedNode> nodes, Consumer<PlannedNode> action) {
        CompletableFuture<?>[] runs = nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node), executor))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(runs).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public void pki(Future<ClusterPki> pending) {
        this.pki = pending;
    }

    public ClusterPki pki() {
        Objects.requireNonNull(pki, "the PKI step has not run");
        try {
            return pki.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating certificates", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("generating the cluster's certificates failed", e.getCause());
        }
    }

    /** Runs kubectl as the cluster's super-admin on the first control plane. */
    public ExecResult kubectl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("kubectl", "--kubeconfig=" + SUPER_ADMIN_KUBECONFIG));
        command.addAll(List.of(arguments));
        return provider.exec(plan.firstControlPlane().name(), command, null);
    }

    public void exportedKubeconfig(String kubeconfig) {
        this.exportedKubeconfig = kubeconfig;
    }

    public String exportedKubeconfig() {
        return exportedKubeconfig;
    }
}
