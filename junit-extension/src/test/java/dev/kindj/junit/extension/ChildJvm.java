package dev.kindj.junit.extension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own on this module's test class path, for runs that must not share this one's process: its
 * shutdown, or its Docker connection (Kindj.connect() keeps the first one for the whole process).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code main} with the given JVM options; its standard error goes to this JVM's. */
    static Process start(Class<?> main, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmOptions));
        command.add(main.getName());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static BufferedReader output(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }
}
