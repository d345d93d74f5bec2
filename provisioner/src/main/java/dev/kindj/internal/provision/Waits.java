package dev.kindj.internal.provision;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline; the failure names what was awaited and the last state seen. */
public final class Waits {

    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastState) {
        Instant deadline = Instant.now().plus(timeout);
        long pauseMillis = 100;
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new CreationTimeoutException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last state: " + lastState.get());
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
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
