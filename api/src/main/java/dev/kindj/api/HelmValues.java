package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Chart values given as a Java map, turned into a values file for Helm. A file rather than {@code --set}: YAML keeps
 * the map's types and nesting as given, where {@code --set} would re-read every value from text (a string
 * {@code "true"} would become a boolean, a comma would split a list).
 */
final class HelmValues {

    private HelmValues() {
    }

    /**
     * The values as YAML.
     *
     * @throws InvalidRequestException for a value YAML cannot carry as plain data (strings, numbers, booleans, null,
     *         lists and maps with string keys), naming its key path
     */
    static String yaml(Map<String, ?> values) {
        check(values, "");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(values);
    }

    /** Writes YAML values to a temporary file only its owner can read (values often hold passwords); delete it after. */
    static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("kindj-helm-values-", ".yaml", KubeconfigFile.ownerOnly());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new KindjException("cannot write a Helm values file: " + e.getMessage(), e);
        }
    }

    private static void check(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                if (!(key instanceof String name)) {
                    throw new InvalidRequestException("Helm value " + where(path) + " has a key that is no string: " + key);
                }
                check(nested, path.isEmpty() ? name : path + "." + name);
            });
        } else if (value instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                check(list.get(index), path + "[" + index + "]");
            }
        } else if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new InvalidRequestException("Helm value " + where(path) + " is a " + value.getClass().getName()
                    + "; values are strings, numbers, booleans, null, lists and maps with string keys");
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "(the top level)" : path;
    }
}
