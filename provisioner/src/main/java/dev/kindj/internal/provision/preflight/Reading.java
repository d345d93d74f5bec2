package dev.kindj.internal.provision.preflight;

import java.util.Objects;
import java.util.function.Function;

/**
 * A fact read from the host or the Docker engine, or why it could not be read (a remote engine, no right to read
 * another user's processes). A check with no reading is skipped, never guessed.
 *
 * @param value       null when missing
 * @param whyMissing  null when the value is there
 */
public record Reading<T>(T value, String whyMissing) {

    public Reading {
        if ((value == null) == (whyMissing == null)) {
            throw new IllegalArgumentException("a reading has either a value or a reason it is missing");
        }
    }

    public static <T> Reading<T> of(T value) {
        return new Reading<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Reading<T> missing(String why) {
        return new Reading<>(null, why);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The value transformed, or the same reason it is missing. */
    public <R> Reading<R> map(Function<T, R> mapper) {
        return isPresent() ? of(mapper.apply(value)) : missing(whyMissing);
    }
}
