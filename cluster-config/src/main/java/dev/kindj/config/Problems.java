package dev.kindj.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Collects the problems of one configuration, and remembers where in the file each field was so that checks on
 * the finished model can still point at a line and column.
 */
final class Problems {
    private final String source;
    private final List<String> lines;
    private final Map<String, Mark> marks = new HashMap<>();
    private final Map<String, TextStart> textStarts = new HashMap<>();
    private final Set<String> unreadablePaths = new HashSet<>();
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String source) {
        this(source, "");
    }

    /** @param text the whole file, to find where block scalars holding documents of their own start */
    Problems(String source, String text) {
        this.source = source;
        this.lines = text.lines().toList();
    }

    /**
     * A string field whose text is a YAML document of its own (a kubeadm patch): problems inside it can then point
     * at the line of the file. Only block scalars ({@code |}) keep lines one to one; other styles point at the field.
     */
    void locateText(String path, ScalarNode node) {
        Mark mark = node.getStartMark();
        boolean block = node.getScalarStyle() == ScalarStyle.LITERAL || node.getScalarStyle() == ScalarStyle.FOLDED;
        int firstLine = mark.getLine() + 1;
        if (!block || firstLine >= lines.size()) {
            textStarts.put(path, new TextStart(mark.getLine(), mark.getColumn(), false));
            return;
        }
        int indent = lines.subList(firstLine, lines.size()).stream().filter(line -> !line.isBlank()).findFirst()
                .map(line -> line.length() - line.stripLeading().length()).orElse(0);
        textStarts.put(path, new TextStart(firstLine, indent, true));
    }

    /** A problem at {@code inner}, a mark in the text of the field at {@code textPath}. */
    void reportInText(String textPath, Mark inner, String path, String message) {
        unreadablePaths.add(path);
        TextStart start = textStarts.get(textPath);
        if (start == null) {
            found.add(new ConfigProblem(source, 0, 0, path, message));
        } else if (start.linesKept() && inner != null) {
            found.add(new ConfigProblem(source, start.line() + inner.getLine() + 1,
                    start.column() + inner.getColumn() + 1, path, message));
        } else {
            found.add(new ConfigProblem(source, start.line() + 1, start.column() + 1, path, message));
        }
    }

    void locate(String path, Node node) {
        marks.putIfAbsent(path, node.getStartMark());
    }

    /** A problem with the YAML itself; checks on the model will not report on this path again. */
    void reportAt(Node node, String path, String message) {
        unreadablePaths.add(path);
        add(node.getStartMark(), path, message);
    }

    /**
     * A problem with a value of the model. Skipped below a path that could not be read, since the model then
     * holds a default in its place rather than what the user wrote.
     */
    void report(String path, String message) {
        if (!isBelowUnreadable(path)) {
            add(markOf(path), path, message);
        }
    }

    /** What was found so far, in the order it was found. */
    List<ConfigProblem> found() {
        return List.copyOf(found);
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            List<ConfigProblem> inFileOrder = new ArrayList<>(found);
            inFileOrder.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(inFileOrder);
        }
    }

    private void add(Mark mark, String path, String message) {
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        found.add(new ConfigProblem(source, line, column, path, message));
    }

    private boolean isBelowUnreadable(String path) {
        return unreadablePaths.stream().anyMatch(unreadable -> path.equals(unreadable)
                || path.startsWith(unreadable + ".") || path.startsWith(unreadable + "["));
    }

    /** The mark of the field, or of its nearest enclosing field when it was absent from the file. */
    private Mark markOf(String path) {
        for (String p = path; ; p = parentOf(p)) {
            Mark mark = marks.get(p);
            if (mark != null || p.isEmpty()) {
                return mark;
            }
        }
    }

    /** 0-based line and column of the text's first character, or of the field when lines are not kept. */
    private record TextStart(int line, int column, boolean linesKept) {
    }

    private static String parentOf(String path) {
        int end = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return end < 0 ? "" : path.substring(0, end);
    }
}
