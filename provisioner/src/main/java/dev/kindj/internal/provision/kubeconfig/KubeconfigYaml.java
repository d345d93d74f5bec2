package dev.kindj.internal.provision.kubeconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** Reads and writes kubeconfig documents as plain maps and lists, in kubectl's block style. */
final class KubeconfigYaml {

    private KubeconfigYaml() {}

    static String dump(Map<String, Object> document) {
        return yaml().dump(document);
    }

    /** Parses a kubeconfig; an empty document becomes an empty map. */
    static Map<String, Object> load(String text) {
        Object document = yaml().load(text);
        if (document == null) {
            return new LinkedHashMap<>();
        }
        if (document instanceof Map<?, ?> map) {
            return copyOf(map);
        }
        throw new IllegalArgumentException("a kubeconfig must be a YAML mapping");
    }

    /** The named entries of a section such as {@code clusters}, as a list the caller may change. */
    static List<Map<String, Object>> entries(Map<String, Object> document, String section) {
        List<Map<String, Object>> entries = new ArrayList<>();
        if (document.get(section) instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    entries.add(copyOf(map));
                }
            }
        }
        return entries;
    }

    private static Map<String, Object> copyOf(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        // base64 data must stay on one line to be readable by tools that grep kubeconfigs
        options.setSplitLines(false);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    }
}
