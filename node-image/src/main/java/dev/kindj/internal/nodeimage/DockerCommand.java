package dev.kindj.internal.nodeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One run of the docker CLI. The recipe's scripts build with the CLI, so asking it too means asking the engine they
 * build in (DOCKER_HOST or the CLI's current context), and keeps this module free of a Docker client library.
 */
final class DockerCommand {

    /** What one docker command printed, and how it ended. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        /** This result if docker succeeded; otherwise fails with docker's own message. */
        Result orThrow() {
            if (exitCode != 0) {
                throw failure();
            }
            return this;
        }

        NodeImageException failure() {
            return new NodeImageException(NodeImageException.Kind.FAILED,
                    String.join(" ", command) + " failed (exit " + exitCode + "): " + stderr.strip());
        }
    }

    private DockerCommand() {
    }

    static Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new NodeImageException(NodeImageException.Kind.FAILED,
                    "cannot run the docker command, which kindj uses for node images: " + e.getMessage());
        }
        StringJoiner stderr = new StringJoiner("\n");
        // stderr is drained on its own thread so that neither stream can fill up and stall docker.
        Thread errors = BuildScript.follow(process.getErrorStream(), stderr::add, "docker stderr");
        try {
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            errors.join();
            return new Result(List.copyOf(command), exitCode, stdout, stderr.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of " + String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new NodeImageException(NodeImageException.Kind.FAILED, String.join(" ", command) + " was interrupted");
        }
    }
}
