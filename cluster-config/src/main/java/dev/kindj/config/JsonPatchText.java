package dev.kindj.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The text of a JSON 6902 patch as kind takes it, a YAML or JSON list of operations, read so that a bad operation is
 * reported at its own line of the config file.
 */
final class JsonPatchText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Set<String> NEED_VALUE = Set.of("add", "replace", "test");
    private static final Set<String> NEED_FROM = Set.of("move", "copy");

    /**
     * One operation as JSON, with where it starts in the patch text.
     *
     * @param path the field path of the operation, {@code patch[i]}
     */
    record Operation(JsonNode json, Mark mark, String path) {
    }

    private JsonPatchText() {
    }

    /**
     * @param path        the field path of the patch text, located with {@link Problems#locateText}
     * @param examplePath a path of the patched document, for the message when an operation has none
     * @return the operations, or null when the text is not a list of well-formed operations (problems were reported)
     */
    static List<Operation> read(String text, String path, String examplePath, Problems problems) {
        Node root;
        Object plain;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            plain = new Yaml(new LoaderOptions()).load(text);
        } catch (MarkedYAMLException e) {
            problems.reportInText(path, e.getProblemMark(), path, "the patch is not valid YAML or JSON: "
                    + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problems.reportInText(path, null, path, "the patch is not valid YAML or JSON: " + e.getMessage());
            return null;
        }
        if (!(root instanceof SequenceNode sequence) || !(plain instanceof List<?> items)) {
            problems.reportInText(path, null, path, "a JSON 6902 patch is a list of operations such as "
                    + "'- op: add' with 'path' and 'value'");
            return null;
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Mark mark = sequence.getValue().get(i).getStartMark();
            String operationPath = FieldPath.index(path, i);
            String problem = problem(items.get(i), examplePath);
            if (problem != null) {
                problems.reportInText(path, mark, operationPath, problem);
            } else {
                operations.add(new Operation(JSON.valueToTree(items.get(i)), mark, operationPath));
            }
        }
        return operations.size() == items.size() ? operations : null;
    }

    private static String problem(Object item, String examplePath) {
        if (!(item instanceof Map<?, ?> operation)) {
            return "an operation is a map with 'op' and 'path'";
        }
        Object op = operation.get("op");
        if (!(op instanceof String name) || !OPERATIONS.contains(name)) {
            return "'op' must be one of " + String.join(", ", OPERATIONS.stream().sorted().toList())
                    + (op == null ? "" : ", not '" + op + "'");
        }
        if (!(operation.get("path") instanceof String)) {
            return "'" + name + "' needs a 'path' such as " + examplePath;
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
