package dev.kindj.cli.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine.Option;

/** The shared -o/--output option of the list commands: aligned text for people, JSON for scripts. */
public final class OutputFormat {

    enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    public boolean isJson() {
        return format == Format.json;
    }

    /** Made on first use: setting up Jackson would slow the start of every command that offers -o, JSON or not. */
    private static final class Json {
        static final ObjectWriter WRITER = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();
    }

    /** Prints the rows as one JSON array; records become objects with their components as fields, in order. */
    public static void printJson(PrintWriter out, List<?> rows) {
        try {
            out.println(Json.WRITER.writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the output as JSON", e);
        }
    }
}
