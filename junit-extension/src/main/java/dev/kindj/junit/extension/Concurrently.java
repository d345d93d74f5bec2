package dev.kindj.junit.extension;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Work on several clusters at once, each on a thread of its own (a two-core machine's common pool has one), and
 * every item is attempted even when another fails: a cleanup must not stop at its first error.
 */
final class Concurrently {

    private Concurrently() {
    }

    /** Runs the action for every item and waits for all; the first failure is thrown, with the others suppressed. */
    static <T> void forEach(Collection<T> items, Consumer<T> action) {
        ExecutorService threads = Executors.newCachedThreadPool(work -> new Thread(work, "kindj-junit"));
        try {
            List<Future<?>> runs = items.stream().<Future<?>>map(item -> threads.submit(() -> action.accept(item))).toList();
            RuntimeException failure = null;
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + items, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            threads.shutdown();
        }
    }
}
