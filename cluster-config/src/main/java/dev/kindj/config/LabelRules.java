package dev.kindj.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes' rules for label keys and values, so bad labels fail here rather than when the node registers. */
final class LabelRules {
    private static final int MAX_NAME_LENGTH = 63;
    private static final int MAX_PREFIX_LENGTH = 253;
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String NAME_RULE = "at most 63 letters, digits, '-', '_' or '.', beginning and ending "
            + "with a letter or digit";

    private LabelRules() {
    }

    static Optional<String> keyProblem(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return Optional.of("label key '" + key + "' is invalid: it may contain only one '/', after the prefix");
        }
        String name = parts[parts.length - 1];
        if (parts.length == 2 && !isPrefix(parts[0])) {
            return Optional.of("label key '" + key + "' has an invalid prefix '" + parts[0] + "': it must be a "
                    + "lower-case DNS subdomain of at most 253 characters, like example.com");
        }
        if (!isName(name)) {
            return Optional.of("label key '" + key + "' is invalid: the name must be " + NAME_RULE);
        }
        return Optional.empty();
    }

    static Optional<String> valueProblem(String value) {
        if (value.isEmpty() || isName(value)) {
            return Optional.empty();
        }
        return Optional.of("label value '" + value + "' is invalid: it must be empty or " + NAME_RULE);
    }

    private static boolean isName(String text) {
        return text.length() <= MAX_NAME_LENGTH && NAME.matcher(text).matches();
    }

    private static boolean isPrefix(String text) {
        return text.length() <= MAX_PREFIX_LENGTH && DNS_SUBDOMAIN.matcher(text).matches();
    }
}
