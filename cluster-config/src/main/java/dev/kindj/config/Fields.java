package dev.kindj.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The fields of one YAML map with a fixed schema. Every field asked for becomes a known field, so that
 * {@link #rejectUnknown()} can flag the rest and suggest the closest known name.
 */
final class Fields {
    private final YamlReader reader;
    private final String path;
    private final Map<String, NodeTuple> entries;
    private final List<String> known = new ArrayList<>();

    Fields(YamlReader reader, String path, Map<String, NodeTuple> entries) {
        this.reader = reader;
        this.path = path;
        this.entries = entries;
    }

    String path(String name) {
        return FieldPath.field(path, name);
    }

    /** Empty text counts as absent, as kind treats "" like an unset field. */
    String string(String name) {
        String text = reader.string(take(name), path(name));
        return text == null || text.isEmpty() ? null : text;
    }

    /** A string whose text is a document of its own, located so that problems inside it get their line. */
    String documentText(String name) {
        Node node = take(name);
        if (node instanceof ScalarNode scalar) {
            reader.problems().locateText(path(name), scalar);
        }
        return reader.string(node, path(name));
    }

    Integer integer(String name) {
        return reader.integer(take(name), path(name));
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(reader.bool(take(name), path(name)));
    }

    <E extends Enum<E> & YamlNamed> E choice(String name, Class<E> type) {
        return reader.choice(take(name), path(name), type);
    }

    <T> List<T> list(String name, BiFunction<Node, String, T> readItem) {
        return reader.list(take(name), path(name), readItem);
    }

    List<String> strings(String name) {
        return list(name, reader::string);
    }

    /** Null when the field is absent, unlike {@link #strings}, for lists where empty means something. */
    List<String> stringsOrNull(String name) {
        Node node = take(name);
        return node == null ? null : reader.list(node, path(name), reader::string);
    }

    <V> Map<String, V> map(String name, BiFunction<Node, String, V> readValue) {
        return reader.map(take(name), path(name), readValue);
    }

    <T> T object(String name, Function<Fields, T> read) {
        return reader.object(take(name), path(name), read);
    }

    void rejectUnknown() {
        entries.forEach((name, tuple) -> {
            if (!known.contains(name)) {
                String advice = Suggestions.closest(name, known)
                        .map(match -> "did you mean '" + match + "'?")
                        .orElse("known fields are " + String.join(", ", known));
                reader.problems().reportAt(tuple.getKeyNode(), path(name), "unknown field; " + advice);
            }
        });
    }

    /** The value node of a field, or null when absent or written as null. */
    private Node take(String name) {
        known.add(name);
        NodeTuple tuple = entries.get(name);
        if (tuple == null || YamlReader.isNull(tuple.getValueNode())) {
            return null;
        }
        reader.problems().locate(path(name), tuple.getValueNode());
        return tuple.getValueNode();
    }
}
