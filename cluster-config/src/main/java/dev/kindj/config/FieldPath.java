package dev.kindj.config;

import java.util.regex.Pattern;

/** Builds field paths like {@code nodes[1].labels["example.com/zone"]} for messages. */
final class FieldPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private FieldPath() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A key of a free-form map; keys with dots or slashes are quoted so the path stays unambiguous. */
    static String key(String parent, String key) {
        return PLAIN_KEY.matcher(key).matches() ? field(parent, key) : parent + "[\"" + key + "\"]";
    }

    static String lastName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
