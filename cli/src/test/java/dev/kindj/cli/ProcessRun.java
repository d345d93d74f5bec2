package dev.kindj.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One run of a program as its own process, as a user's shell would see it: exit code, stdout, stderr. */
record ProcessRun(List<String> command, int exitCode, String out, String err) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    /** The checkout: the cli module's parent. */
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

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

    /** The ./kindj launcher as a user runs it. */
    static ProcessRun kindj(Map<String, String> environment, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("kindj").toString()));
        command.addAll(Arrays.asList(args));
        return of(command, environment, null, timeout);
    }

    static ProcessRun docker(String... args) {
        return of(Stream.concat(Stream.of("docker"), Arrays.stream(args)).toArray(String[]::new));
    }

    /** -Dkindj.image when given, else the newest kindj/node image, as the other integration tests choose it. */
    static String nodeImage() {
        String given = System.getProperty("kindj.image", "");
        if (!given.isBlank()) {
            return given;
        }
        return docker("images", "kindj/node", "--format", "{{.Repository}}:{{.Tag}}").outOrFail().lines().findFirst()
                .orElseThrow(() -> new IllegalStateException("no kindj/node image; build one with ./kindj build node-image"));
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
