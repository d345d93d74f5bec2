package dev.kindj.junit.extension;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in annotations: {@code 90s}, {@code 3m}, {@code 1h}, or ISO-8601. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming what was expected */
    static Duration parse(String text) {
        Matcher shortForm = SHORT.matcher(text.strip());
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90s, 3m, 1h or PT3M", e);
        }
    }
}
