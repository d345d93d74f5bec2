package dev.kindj.internal.provision;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polling with a deadline; the failure names what was awaited and the last state seen. */
public final class Waits {

    private static final Logger LOG = LoggerFactory.getLogger(Waits.class);

    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastState) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        long pauseMillis = 100;
        int checks = 1;
        while (!condition.getAsBoolean()) {
            checks++;
            if (Instant.now().isAfter(deadline)) {
                throw new CreationTimeoutException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last state: " + lastState.get());
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
        // where creation time goes, finer than its steps (-v 2)
        LOG.debug("{} took {} ms ({} checks)", what, Duration.between(start, Instant.now()).toMillis(), checks);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** A bounded wait ran out. */
    public static final class CreationTimeoutException extends RuntimeException {
        public CreationTimeoutException(String message) {
            super(message);
        }
    }
}
