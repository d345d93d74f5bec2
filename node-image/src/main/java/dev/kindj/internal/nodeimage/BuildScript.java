package dev.kindj.internal.nodeimage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of the recipe's build.sh from a temporary copy of the recipe; its exit code becomes a {@link NodeImageException}. */
final class BuildScript {

    private static final Logger LOG = LoggerFactory.getLogger(BuildScript.class);
    private static final int ERROR_LINES_KEPT = 40;
    private static final String SCRIPT_PREFIX = "build.sh: ";
    /** build.sh traps TERM and removes its temporary images and containers; give it that long. */
    private static final long CLEANUP_SECONDS = 30;

    private BuildScript() {
    }

    /** Runs build.sh with {@code arguments}; stdout lines go to {@code progress}, stderr is kept for the error message. */
    static void run(Recipe recipe, List<String> arguments, String image, Consumer<String> progress) {
        run(recipe, Recipe.BUILD_SCRIPT, arguments, image, progress);
    }

    /** Runs another of the recipe's scripts ({@code script} is its path in the recipe) the same way. */
    static void run(Recipe recipe, String script, List<String> arguments, String image, Consumer<String> progress) {
        Path directory = createTempDirectory();
        try {
            recipe.extractTo(directory);
            List<String> command = new ArrayList<>();
            command.add(directory.resolve(script).toString());
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            Deque<String> errors = new ArrayDeque<>();
            Thread stdout = follow(process.getInputStream(), progress, "build.sh stdout");
            Thread stderr = follow(process.getErrorStream(), line -> keepLast(errors, line), "build.sh stderr");
            int exitCode = waitFor(process);
            stdout.join();
            stderr.join();
            if (exitCode != 0) {
                throw failure(exitCode, image, List.copyOf(errors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("running the node image recipe failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeImageException(NodeImageException.Kind.FAILED, "building " + image + " was interrupted");
        } finally {
            deleteRecursively(directory);
        }
    }

    static NodeImageException failure(int exitCode, String image, List<String> errors) {
        NodeImageException.Kind kind = switch (exitCode) {
            case 2 -> NodeImageException.Kind.BAD_INPUT;
            case 3 -> NodeImageException.Kind.SOURCE_UNREACHABLE;
            default -> NodeImageException.Kind.FAILED;
        };
        String details = errors.isEmpty()
                ? "build.sh exited with " + exitCode + " and printed no error"
                : errors.stream().map(BuildScript::withoutScriptPrefix).collect(Collectors.joining("\n"));
        return new NodeImageException(kind, "cannot build " + image + ": " + details);
    }

    private static String withoutScriptPrefix(String line) {
        return line.startsWith(SCRIPT_PREFIX) ? line.substring(SCRIPT_PREFIX.length()) : line;
    }

    // On interruption the script is stopped, not left running to tag an image nobody waits for.
    private static int waitFor(Process process) throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            if (!process.waitFor(CLEANUP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    /** Passes each line of {@code stream} to {@code lines} on a daemon thread, until the stream ends. */
    static Thread follow(InputStream stream, Consumer<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process is gone; its exit code tells what happened
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void keepLast(Deque<String> lines, String line) {
        synchronized (lines) {
            lines.addLast(line);
            if (lines.size() > ERROR_LINES_KEPT) {
                lines.removeFirst();
            }
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("kindj-recipe-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a directory for the node image recipe failed", e);
        }
    }

    // A copy left behind in the temp directory is harmless; it must not hide the build's own outcome.
    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the recipe copy {}: {}", directory, e.getMessage());
        }
    }
}
