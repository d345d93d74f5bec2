package dev.kindj.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts composed YAML nodes to Java values the way kind's decoder would, reporting a type error (and returning
 * null) instead of failing on the first one. A null node means the value is absent.
 */
final class YamlReader {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");

    private final Problems problems;

    YamlReader(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** Any scalar is accepted, as kind's decoder turns {@code 123} or {@code true} into text for string fields. */
    String string(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return isNull(scalar) ? "" : scalar.getValue();
        }
        return typeError(node, path, "a string");
    }

    Integer integer(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            Optional<BigInteger> value = parseInteger(scalar.getValue());
            if (value.isPresent() && value.get().bitLength() < Integer.SIZE) {
                return value.get().intValue();
            }
        }
        return typeError(node, path, "an integer");
    }

    Boolean bool(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return TRUE_WORDS.contains(scalar.getValue().toLowerCase());
        }
        return typeError(node, path, "a boolean (true or false)");
    }

    <E extends Enum<E> & YamlNamed> E choice(Node node, String path, Class<E> type) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.yamlName().equals(text)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(YamlNamed::yamlName).toList();
        problems.reportAt(node, path,
                FieldPath.lastName(path) + " '" + text + "' is not known; use " + Suggestions.oneOf(names));
        return null;
    }

    <T> List<T> list(Node node, String path, BiFunction<Node, String, T> readItem) {
        List<T> items = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                String itemPath = FieldPath.index(path, i);
                problems.locate(itemPath, values.get(i));
                items.add(readItem.apply(values.get(i), itemPath));
            }
        } else if (node != null) {
            typeError(node, path, "a list");
        }
        return items;
    }

    /** A map with free-form keys, such as labels or featureGates. */
    <V> Map<String, V> map(Node node, String path, BiFunction<Node, String, V> readValue) {
        Map<String, V> entries = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : fields(node, path).entrySet()) {
            String entryPath = FieldPath.key(path, entry.getKey());
            problems.locate(entryPath, entry.getValue().getKeyNode());
            V value = readValue.apply(entry.getValue().getValueNode(), entryPath);
            if (value != null) {
                entries.put(entry.getKey(), value);
            }
        }
        return entries;
    }

    /** A map with a fixed set of fields; {@code read} must ask {@link Fields} for every field it knows. */
    <T> T object(Node node, String path, Function<Fields, T> read) {
        Fields fields = new Fields(this, path, fields(node, path));
        T result = read.apply(fields);
        fields.rejectUnknown();
        return result;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private Map<String, NodeTuple> fields(Node node, String path) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        if (node == null || isNull(node)) {
            return fields;
        }
        if (!(node instanceof MappingNode mapping)) {
            typeError(node, path, "a map");
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalarKey)) {
                problems.reportAt(key, path, "expected a field name, got " + describe(key));
                continue;
            }
            NodeTuple first = fields.putIfAbsent(scalarKey.getValue(), tuple);
            if (first != null) {
                problems.reportAt(key, FieldPath.key(path, scalarKey.getValue()),
                        "duplicate field; it is already set on line " + (first.getKeyNode().getStartMark().getLine() + 1)
                                + ", remove one of them");
            }
        }
        return fields;
    }

    private <T> T typeError(Node node, String path, String expected) {
        String hint = node instanceof ScalarNode scalar && scalar.getScalarStyle() != ScalarStyle.PLAIN
                && looksUnquotable(scalar.getValue()) ? " (remove the quotes)" : "";
        problems.reportAt(node, path, "expected " + expected + ", got " + describe(node) + hint);
        return null;
    }

    private static boolean looksUnquotable(String text) {
        return parseInteger(text).isPresent() || TRUE_WORDS.contains(text) || text.equals("false");
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (isNull(scalar)) {
            return "null";
        }
        return (scalar.getTag().equals(Tag.STR) ? "the string '" : "'") + scalar.getValue() + "'";
    }

    /**
     * YAML 1.1 integers as SnakeYAML tags them. Sexagesimal ones such as 1:30 are refused, as kind's decoder does not
     * read them as numbers either.
     */
    private static Optional<BigInteger> parseInteger(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0b")) {
            radix = digits.charAt(1) == 'x' ? 16 : 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
        }
        if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
            return Optional.empty();
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
