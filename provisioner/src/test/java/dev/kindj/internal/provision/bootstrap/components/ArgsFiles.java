package dev.kindj.internal.provision.bootstrap.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.node.NodeFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an args file the way kindj-run does, checking its shape on the way. */
final class ArgsFiles {

    private ArgsFiles() {}

    /** Flag name (without --) to value, in file order. */
    static Map<String, String> flags(NodeFile file) {
        String text = text(file);
        assertThat(text).as(file.path()).endsWith("\n");
        List<String> lines = text.lines().toList();
        Map<String, String> flags = new LinkedHashMap<>();
        for (String line : lines) {
            assertThat(line).as(file.path()).matches("--[a-z0-9-]+=\\S+");
            int equals = line.indexOf('=');
            String previous = flags.put(line.substring(2, equals), line.substring(equals + 1));
            assertThat(previous).as(file.path() + ": " + line + " repeats a flag").isNull();
        }
        return flags;
    }

    static String text(NodeFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }
}
