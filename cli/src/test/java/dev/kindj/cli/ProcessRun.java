package dev.kindj.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a program as its own process, as a user's shell would see it: exit code, stdout, stderr. */
record ProcessRun(List<String> command, int exitCode, String out, String err) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    /** Runs a command with no input and the default timeout. */
    static ProcessRun of(String... command) {
        return of(List.of(command), Map.of(), null, DEFAULT_TIMEOUT);
    }

    /**
     * Runs a command to its end; its output goes through files, so a chatty process never blocks on a full pipe.
     *
     * @param stdin the text to feed it, or null for none
     * @throws AssertionError when it outlives the timeout (it is killed first)
     */
    static ProcessRun of(List<String> command, Map<String, String> environment, String stdin, Duration timeout) {
        try {
            Path out = Files.createTempFile("kindj-run-", ".out");
            Path err = Files.createTempFile("kindj-run-", ".err");
            Path in = stdin == null ? null : Files.writeString(Files.createTempFile("kindj-run-", ".in"), stdin);
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(in == null ? Redirect.from(new File("/dev/null")) : Redirect.from(in.toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " still ran after " + timeout + "; stderr:\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new ProcessRun(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.delete(out);
                Files.delete(err);
                if (in != null) {
                    Files.delete(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Stdout, when the run exited with 0. */
    String outOrFail() {
        if (exitCode != 0) {
            throw new AssertionError(this.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " exited with " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
