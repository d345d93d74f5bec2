package dev.kindj.internal.provision.preflight;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading sysctl files under {@code /proc/sys}. */
public final class ProcFiles {

    private ProcFiles() {
    }

    /**
     * The file's first line, read with one large read: a numeric sysctl answers only a read at offset 0, and
     * {@code Files.readString}, which reads a file that claims size 0 in pieces, returned "1" for "128".
     */
    public static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line = reader.readLine();
            return line == null ? "" : line.strip();
        }
    }
}
