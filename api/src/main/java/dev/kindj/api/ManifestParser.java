package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads multi-document YAML into {@link ManifestObject}s, keeping the line where each document starts. Documents are
 * composed first (which keeps positions), then built, so every error can point at its line.
 */
final class ManifestParser {

    private ManifestParser() {
    }

    static List<ManifestObject> parse(String yaml, String source) {
        DocumentBuilder builder = new DocumentBuilder();
        List<ManifestObject> objects = new ArrayList<>();
        try {
            for (Node document : new Yaml(builder).composeAll(new StringReader(yaml))) {
                Object value = builder.build(document);
                if (value != null) { // an empty document, as after a trailing ---
                    objects.add(object(value, source, document.getStartMark().getLine() + 1));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            // where the parser gave up can be far from the cause (an unclosed bracket shows at the end), so say what it was reading too
            String context = e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark
                    ? " (" + e.getContext() + " started at line " + (e.getContextMark().getLine() + 1) + ")" : "";
            throw new InvalidRequestException(where + ": not valid YAML: "
                    + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()) + context);
        }
        if (objects.isEmpty()) {
            throw new InvalidRequestException(source + ": holds no Kubernetes object");
        }
        return List.copyOf(objects);
    }

    @SuppressWarnings("unchecked")
    private static ManifestObject object(Object value, String source, int line) {
        String where = source + ":" + line;
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidRequestException(where + ": a manifest document must be a mapping with apiVersion, kind and"
                    + " metadata, not a " + (value instanceof List ? "list" : "scalar"));
        }
        Map<String, Object> content = (Map<String, Object>) map;
        for (String field : List.of("apiVersion", "kind")) {
            if (!(content.get(field) instanceof String text) || text.isBlank()) {
                throw new InvalidRequestException(where + ": the document has no " + field + "; every Kubernetes object"
                        + " needs apiVersion, kind and metadata.name");
            }
        }
        if (!(content.get("metadata") instanceof Map<?, ?> metadata) || !(metadata.get("name") instanceof String name)
                || name.isBlank()) {
            throw new InvalidRequestException(where + ": " + content.get("kind") + " has no metadata.name"
                    + " (generateName cannot be applied: server-side apply needs a name)");
        }
        if (metadata.get("namespace") != null && !(metadata.get("namespace") instanceof String)) {
            throw new InvalidRequestException(where + ": metadata.namespace of " + content.get("kind") + " " + name + " must be a string");
        }
        return new ManifestObject(source, line, content);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text).strip();
    }

    /** Builds plain Java values from composed nodes; timestamps stay text, as Kubernetes reads them. */
    private static final class DocumentBuilder extends SafeConstructor {

        DocumentBuilder() {
            super(strict());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        /** A key given twice is a mistake (kubectl refuses it too), not a value to overwrite silently. */
        private static LoaderOptions strict() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return options;
        }

        Object build(Node document) {
            return constructDocument(document);
        }
    }
}
