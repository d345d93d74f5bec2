package dev.kindj.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks kind's containerd patches when the config is read, so that a patch that would only fail on the nodes is
 * reported with its file and line: TOML merge patches ({@code containerdConfigPatches}) must parse, and JSON 6902
 * patches ({@code containerdConfigPatchesJSON6902}) must be lists of operations.
 */
final class ContainerdPatches {

    static final String TOML_FIELD = "containerdConfigPatches";
    static final String JSON6902_FIELD = "containerdConfigPatchesJSON6902";

    /** The version of the node image's containerd configuration, which patches are merged into. */
    private static final int CONFIG_VERSION = 2;
    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Set<String> NEED_VALUE = Set.of("add", "replace", "test");
    private static final Set<String> NEED_FROM = Set.of("move", "copy");

    private ContainerdPatches() {
    }

    static void check(List<String> tomlPatches, List<String> json6902Patches, Problems problems) {
        for (int i = 0; i < tomlPatches.size(); i++) {
            checkToml(tomlPatches.get(i), FieldPath.index(TOML_FIELD, i), problems);
        }
        for (int i = 0; i < json6902Patches.size(); i++) {
            checkJson6902(json6902Patches.get(i), FieldPath.index(JSON6902_FIELD, i), problems);
        }
    }

    private static void checkToml(String patch, String path, Problems problems) {
        try {
            JsonNode version = TOML.readTree(patch).path("version");
            if (!version.isMissingNode() && version.asInt() != CONFIG_VERSION) {
                problems.reportInText(path, null, path, "sets containerd's config version " + version.asText()
                        + "; nodes run a version " + CONFIG_VERSION + " configuration, as kind's do: write the patch "
                        + "against [plugins.\"io.containerd.grpc.v1.cri\"] and leave 'version' out");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Mark mark = at == null ? null : new Mark(path, 0, at.getLineNr() - 1, Math.max(at.getColumnNr() - 1, 0),
                    new int[0], 0);
            problems.reportInText(path, mark, path, "the patch is not valid TOML: " + e.getOriginalMessage());
        }
    }

    private static void checkJson6902(String patch, String path, Problems problems) {
        Object operations;
        try {
            operations = new Yaml(new LoaderOptions()).load(new StringReader(patch));
        } catch (MarkedYAMLException e) {
            problems.reportInText(path, e.getProblemMark(), path, "the patch is not valid YAML or JSON: "
                    + e.getProblem());
            return;
        } catch (YAMLException e) {
            problems.reportInText(path, null, path, "the patch is not valid YAML or JSON: " + e.getMessage());
            return;
        }
        if (!(operations instanceof List<?> list)) {
            problems.reportInText(path, null, path, "a JSON 6902 patch is a list of operations such as "
                    + "'- op: add' with 'path' and 'value'");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String problem = operationProblem(list.get(i));
            if (problem != null) {
                problems.reportInText(path, null, FieldPath.index(path, i), problem);
            }
        }
    }

    private static String operationProblem(Object item) {
        if (!(item instanceof Map<?, ?> operation)) {
            return "an operation is a map with 'op' and 'path'";
        }
        Object op = operation.get("op");
        if (!(op instanceof String name) || !OPERATIONS.contains(name)) {
            return "'op' must be one of " + String.join(", ", OPERATIONS.stream().sorted().toList())
                    + (op == null ? "" : ", not '" + op + "'");
        }
        if (!(operation.get("path") instanceof String)) {
            return "'" + name + "' needs a 'path' such as /plugins/io.containerd.grpc.v1.cri/registry";
        }
        if (NEED_VALUE.contains(name) && !operation.containsKey("value")) {
            return "'" + name + "' needs a 'value'";
        }
        if (NEED_FROM.contains(name) && !(operation.get("from") instanceof String)) {
            return "'" + name + "' needs a 'from' path";
        }
        return null;
    }
}
