package dev.kindj.internal.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Work on every node at once. Each item gets its own thread: the common pool has one thread on a two-core
 * machine, which would do the nodes one after another.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Runs the action for every item at once and waits for all of them. One failure is rethrown as it is; several
     * become one exception that names each item and its error.
     */
    public static <T> void forEach(String what, Collection<T> items, Consumer<T> action) {
        ExecutorService threads = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "kindj-parallel");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<T> list = List.copyOf(items);
            List<CompletableFuture<Void>> runs = list.stream()
                    .map(item -> CompletableFuture.runAsync(() -> action.accept(item), threads))
                    .toList();
            List<String> messages = new ArrayList<>();
            List<RuntimeException> failures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                try {
                    runs.get(i).join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                    failures.add(cause);
                    messages.add(list.get(i) + ": " + cause.getMessage());
                }
            }
            if (failures.size() == 1) {
                throw failures.get(0);
            }
            if (!failures.isEmpty()) {
                RuntimeException combined = new IllegalStateException(what + " failed for " + failures.size() + " of "
                        + list.size() + ":\n - " + String.join("\n - ", messages), failures.get(0));
                failures.subList(1, failures.size()).forEach(combined::addSuppressed);
                throw combined;
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
