package dev.kindj.internal.provision.pki;

import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Runs key generation, the slow part of building a PKI, on all cores. */
final class ParallelIssuer implements AutoCloseable {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            task -> {
                Thread thread = new Thread(task, "kindj-pki-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** Generates the key at once, without waiting for the CA, which is needed only to sign. */
    CompletableFuture<CertifiedKey> issue(
            CompletableFuture<CertificateAuthority> ca, CertificateSpec spec, KeyAlgorithm algorithm) {
        return submit(algorithm::generateKeyPair).thenCombineAsync(
                ca,
                (KeyPair keyPair, CertificateAuthority authority) ->
                        new CertifiedKey(authority.issue(spec, keyPair.getPublic()), keyPair.getPrivate()),
                executor);
    }

    /** Waits for a result, rethrowing the task's own failure rather than a wrapper. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
