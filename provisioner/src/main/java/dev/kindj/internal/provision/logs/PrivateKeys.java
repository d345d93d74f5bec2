package dev.kindj.internal.provision.logs;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Removes PEM private key blocks from text on its way into an export. Nothing kindj exports should hold one; this
 * is the safety net for a component or a pod that logs one anyway.
 */
final class PrivateKeys {

    static final String REMOVED = "[private key removed by kindj]";

    private PrivateKeys() {
    }

    static String redact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            copy(lines, line -> out.append(line).append('\n'));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return out.toString();
    }

    /** Copies line by line; ISO-8859-1 keeps every byte as it was, whatever the text's encoding. */
    static void copy(InputStream in, OutputStream out) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.ISO_8859_1));
        copy(lines, line -> {
            writer.write(line);
            writer.newLine();
        });
        writer.flush();
    }

    private interface LineSink {
        void accept(String line) throws IOException;
    }

    private static void copy(BufferedReader lines, LineSink sink) throws IOException {
        boolean inKey = false;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!inKey && line.contains("-----BEGIN") && line.contains("PRIVATE KEY-----")) {
                inKey = !line.contains("-----END");
                sink.accept(REMOVED);
            } else if (inKey) {
                inKey = !(line.contains("-----END") && line.contains("PRIVATE KEY-----"));
            } else {
                sink.accept(line);
            }
        }
    }
}
