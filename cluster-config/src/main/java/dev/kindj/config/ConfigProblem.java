package dev.kindj.config;

/**
 * One thing wrong with a cluster configuration.
 *
 * @param source    file name or other origin, e.g. {@code <stdin>}
 * @param line      1-based; 0 when unknown
 * @param column    1-based; 0 when unknown
 * @param fieldPath e.g. {@code nodes[1].extraPortMappings[0].hostPort}; empty when the problem is not about a field
 */
public record ConfigProblem(String source, int line, int column, String fieldPath, String message) {

    /** {@code source:line:column: fieldPath: message}, leaving out the parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!fieldPath.isEmpty()) {
            text.append(fieldPath).append(": ");
        }
        return text.append(message).toString();
    }
}
