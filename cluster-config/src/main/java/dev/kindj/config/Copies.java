package dev.kindj.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies that treat a null collection as empty; maps keep their order so output follows the file. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <V> Map<String, V> map(Map<String, V> map) {
        if (map == null) {
            return Map.of();
        }
        map.forEach((key, value) -> Objects.requireNonNull(value, () -> "no value for '" + key + "'"));
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
