package dev.kindj.internal.nodeimage;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Prefixes a build's progress lines with the time since it started ({@code " 1:05 [step] ..."}). */
final class TimedProgress {

    // The recipe's scripts end progress lines with their own "(Ns)"; the prefix replaces it.
    private static final Pattern SCRIPT_ELAPSED = Pattern.compile(" \\(\\d+s\\)$");

    private TimedProgress() {
    }

    /** A consumer that passes each line on to {@code progress} with the time elapsed since this call. */
    static Consumer<String> from(Consumer<String> progress) {
        long started = System.nanoTime();
        return line -> progress.accept(elapsedSince(started) + " " + SCRIPT_ELAPSED.matcher(line).replaceFirst(""));
    }

    private static String elapsedSince(long startNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return String.format("%2d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }
}
