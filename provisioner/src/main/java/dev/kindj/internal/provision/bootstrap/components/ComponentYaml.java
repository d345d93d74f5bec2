package dev.kindj.internal.provision.bootstrap.components;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Component configuration files as block-style YAML. Top-level fields keep their order; nested maps are sorted,
 * so the same plan always gives the same bytes.
 */
final class ComponentYaml {

    private ComponentYaml() {}

    static String dump(Map<String, Object> document) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        document.forEach((key, value) -> sorted.put(key, sortedMaps(value)));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setSplitLines(false);
        return new Yaml(options).dump(sorted);
    }

    private static Object sortedMaps(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, nested) -> sorted.put(String.valueOf(key), sortedMaps(nested)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ComponentYaml::sortedMaps).toList();
        }
        return value;
    }
}
