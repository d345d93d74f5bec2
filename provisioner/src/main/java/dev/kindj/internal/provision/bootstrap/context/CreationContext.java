package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.pki.ClusterPki;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * What every creation step shares: the plan, the containers being added, the provider, and what earlier steps
 * produced. Creating a cluster adds all of its containers; joining a node adds that one, and the same steps then act on
 * it alone. Closing it stops the background work.
 */
public final class CreationContext implements AutoCloseable {

    private final ClusterPlan plan;
    private final List<PlannedNode> added;
    private final NodeProvider provider;
    private final Duration waitForReady;
    private final AdminKubectl kubectl;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, work -> {
        Thread thread = new Thread(work, "kindj-create");
        thread.setDaemon(true);
        return thread;
    });
    private Future<ClusterPki> pki;
    private String exportedKubeconfig;

    /**
     * @param added the containers this run creates, all in {@code plan}
     * @param waitForReady how long to wait for the added nodes and system pods to become ready; zero means do not wait
     */
    public CreationContext(ClusterPlan plan, List<PlannedNode> added, NodeProvider provider, Duration waitForReady) {
        this.plan = plan;
        this.added = List.copyOf(added);
        this.provider = provider;
        this.waitForReady = waitForReady;
        this.kubectl = new AdminKubectl(provider, plan.firstControlPlane().name(), PkiPaths.SUPER_ADMIN_KUBECONFIG);
    }

    public ClusterPlan plan() {
        return plan;
    }

    /** The containers being created, load balancer included. */
    public List<PlannedNode> addedContainers() {
        return added;
    }

    /** The Kubernetes nodes being created. */
    public List<PlannedNode> addedNodes() {
        return added.stream().filter(node -> node.role() != NodeRole.LOAD_BALANCER).toList();
    }

    public NodeProvider provider() {
        return provider;
    }

    public Duration waitForReady() {
        return waitForReady;
    }

    /** kubectl as the cluster's super-admin on the first control plane: it works before any RBAC object exists. */
    public AdminKubectl kubectl() {
        return kubectl;
    }

    /** Runs work in the background on the creation's threads (key generation while nodes boot). */
    public <T> Future<T> inBackground(Callable<T> work) {
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
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating the cluster's certificates failed", e.getCause());
        }
    }

    public void exportedKubeconfig(String kubeconfig) {
        this.exportedKubeconfig = kubeconfig;
    }

    public String exportedKubeconfig() {
        return exportedKubeconfig;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
