package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.junit.KubeCluster;
import java.io.BufferedReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Without a Docker engine a class fails and says why, or is skipped when it asked for that. */
class DockerUnavailableIT {

    private static final String FAILED = "failed";
    private static final String SKIPPED = "skipped";

    /** How the child run ended a class: failed or skipped, the class's display name, and why (on one line). */
    private record Outcome(String kind, String displayName, String why) {
    }

    @Test
    void aClassFailsSayingWhyOrIsSkippedWhenItAskedToBe() throws Exception {
        List<Outcome> outcomes = runWithoutDocker();

        assertThat(outcomes).filteredOn(outcome -> outcome.kind().equals(FAILED)).singleElement().satisfies(failed -> {
            assertThat(failed.displayName()).endsWith(NeedsDocker.class.getSimpleName());
            assertThat(failed.why())
                    .contains("@KubeCluster on " + NeedsDocker.class.getName() + " needs a Docker engine")
                    .contains("Docker is not running")
                    .contains("skipWhenDockerUnavailable = true");
        });
        assertThat(outcomes).filteredOn(outcome -> outcome.kind().equals(SKIPPED)).singleElement().satisfies(skipped -> {
            assertThat(skipped.displayName()).endsWith(SkipsWithoutDocker.class.getSimpleName());
            assertThat(skipped.why()).contains("Docker is not running");
        });
    }

    /**
     * Runs the classes in a JVM that has not connected to Docker yet, pointed at a socket that does not exist
     * (docker-java reads DOCKER_HOST from system properties before the environment).
     */
    private static List<Outcome> runWithoutDocker() throws Exception {
        Process child = ChildJvm.start(RunWithoutDocker.class, "-DDOCKER_HOST=unix:///nonexistent/docker.sock");
        List<Outcome> outcomes;
        try (BufferedReader output = ChildJvm.output(child)) {
            outcomes = output.lines().map(line -> line.split("\t", 3))
                    .filter(parts -> parts.length == 3 && List.of(FAILED, SKIPPED).contains(parts[0]))
                    .map(parts -> new Outcome(parts[0], parts[1], parts[2]))
                    .toList();
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child run ends").isTrue();
        assertThat(child.exitValue()).as("the child run's exit code").isZero();
        return outcomes;
    }

    /** The run without Docker: prints one tab-separated line for each class that failed or was skipped. */
    public static final class RunWithoutDocker {
        public static void main(String[] arguments) {
            EngineExecutionResults results = EngineRuns.run(NeedsDocker.class, SkipsWithoutDocker.class);
            results.containerEvents().failed().stream().forEach(event -> print(FAILED, event,
                    event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()));
            results.containerEvents().skipped().stream().forEach(event -> print(SKIPPED, event,
                    event.getRequiredPayload(String.class)));
        }

        private static void print(String kind, Event event, String why) {
            System.out.println(kind + "\t" + event.getTestDescriptor().getDisplayName() + "\t" + why.replaceAll("\\s+", " "));
        }
    }

    @KubeCluster(name = "ju-nodocker")
    static class NeedsDocker {
        @Test
        void neverRuns() {
        }
    }

    @KubeCluster(name = "ju-nodocker-skip", skipWhenDockerUnavailable = true)
    static class SkipsWithoutDocker {
        @Test
        void neverRuns() {
        }
    }
}
