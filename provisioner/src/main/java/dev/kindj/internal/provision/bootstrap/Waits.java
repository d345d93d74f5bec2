package dev.kindj.internal.provision.bootstrap;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The old name of {@link dev.kindj.internal.provision.Waits}, which moved so that creation steps need nothing from this
 * package. It remains only until node-image's tests import the new name.
 */
@Deprecated(forRemoval = true)
public final class Waits {

    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastState) {
        dev.kindj.internal.provision.Waits.until(what, timeout, condition, lastState);
    }
}
