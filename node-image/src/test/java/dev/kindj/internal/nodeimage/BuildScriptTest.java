package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** build.sh stand-ins, to pin down how a run's output, exit code and interruption reach the caller. */
class BuildScriptTest {

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void streamsStdoutAsProgressAndPassesTheArguments() {
        BuildScript.run(recipe("echo \"[start] args: $*\"; echo \"[done] ok\""), List.of("--image", "x:1"), "x:1", progress::add);

        assertThat(progress).containsExactly("[start] args: --image x:1", "[done] ok");
    }

    @Test
    void aFailureCarriesTheKindAndTheLastErrorLines() {
        String script = "echo '[start] go'; for i in $(seq 1 50); do echo \"noise $i\" >&2; done;"
                + " echo 'build.sh: the Go module proxy is unreachable' >&2; exit 3";

        NodeImageException error = catchThrowableOfType(NodeImageException.class,
                () -> BuildScript.run(recipe(script), List.of(), "x:1", progress::add));

        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.SOURCE_UNREACHABLE);
        assertThat(error.getMessage()).startsWith("cannot build x:1: noise 12\n")
                .endsWith("noise 50\nthe Go module proxy is unreachable")
                .doesNotContain("noise 11\n");
        assertThat(progress).containsExactly("[start] go");
    }

    @Test
    void theRecipeCopyIsRemovedAfterAFailedRunToo() {
        catchThrowableOfType(NodeImageException.class,
                () -> BuildScript.run(recipe("echo \"[dir] $(dirname \"$0\")\"; exit 1"), List.of(), "x:1", progress::add));

        String directory = progress.get(0).substring("[dir] ".length());
        assertThat(Path.of(directory)).doesNotExist();
    }

    @Test
    void interruptionStopsTheScript() throws Exception {
        String script = "trap 'kill $!; exit 143' TERM; echo \"[pid] $$\"; sleep 60 & wait";
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<NodeImageException> outcome = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            return catchThrowableOfType(NodeImageException.class,
                    () -> BuildScript.run(recipe(script), List.of(), "x:1", progress::add));
        });
        while (progress.isEmpty()) {
            Thread.sleep(20);
        }
        long pid = Long.parseLong(progress.get(0).substring("[pid] ".length()));

        runner.get().interrupt();

        NodeImageException error = outcome.get(10, TimeUnit.SECONDS);
        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.FAILED);
        assertThat(error).hasMessage("building x:1 was interrupted");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void mapsTheScriptsExitCodesToKindsAndKeepsItsErrorLines() {
        NodeImageException badInput = BuildScript.failure(2, "kindj/node:x",
                List.of("build.sh: --source dir:/nope: directory /nope does not exist"));
        assertThat(badInput.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT);
        assertThat(badInput).hasMessage("cannot build kindj/node:x: --source dir:/nope: directory /nope does not exist");

        assertThat(BuildScript.failure(3, "i", List.of()).kind()).isEqualTo(NodeImageException.Kind.SOURCE_UNREACHABLE);
        assertThat(BuildScript.failure(1, "i", List.of())).hasMessage("cannot build i: build.sh exited with 1 and printed no error");
        assertThat(BuildScript.failure(130, "i", List.of()).kind()).isEqualTo(NodeImageException.Kind.FAILED);
    }

    private static Recipe recipe(String buildScriptBody) {
        return Recipe.of(Map.of(Recipe.BUILD_SCRIPT, ("#!/usr/bin/env bash\n" + buildScriptBody + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
