package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.Kindj;
import dev.kindj.junit.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * bench/junit-shared.sh: what a class costs when it shares a cluster another class opened, against one class
 * alone, and how long attaching to a kept cluster takes. Every fixture class runs one test that lists nodes
 * through an injected client. Each case runs in a JVM of its own, as a test run would.
 */
public final class SharedClusterBenchmark {

    private SharedClusterBenchmark() {
    }

    /**
     * One engine run: its wall time, the cluster's startup, the cleanup after the last class (deleting the
     * cluster), and how long each class that shared the cluster took.
     */
    private record Run(Duration wall, Duration startup, Duration cleanup, String origin, Map<String, Duration> sharedClasses) {

        static Run of(Class<?>... classes) {
            Instant start = Instant.now();
            EngineExecutionResults results = EngineRuns.run(classes);
            Instant end = Instant.now();
            assertThat(results.allEvents().failed().count()).as(EngineRuns.failures(results)).isZero();
            EngineRuns.ClusterEntry opener = EngineRuns.clusterEntries(results).stream()
                    .filter(entry -> !entry.origin().equals("shared")).findFirst().orElseThrow();
            Instant lastClassFinished = results.containerEvents().finished().stream()
                    .filter(event -> !event.getTestDescriptor().isRoot())
                    .map(Event::getTimestamp).max(Instant::compareTo).orElseThrow();
            return new Run(Duration.between(start, end), Duration.between(opener.startupBegan(), opener.ready()),
                    Duration.between(lastClassFinished, end), opener.origin(), sharedClassDurations(results));
        }

        /** Everything but startup and cleanup: JVM warm-up, the classes, their tests. */
        Duration rest() {
            return wall.minus(startup).minus(cleanup);
        }
    }

    /**
     * Runs one case in this (fresh) JVM and prints its Markdown row: {@code alone}, {@code shared}, {@code kept}
     * (creates the kept cluster, or attaches when it exists), or {@code delete-kept}.
     */
    public static void main(String[] arguments) {
        Kindj.connect().nodeImage().ensure(); // a build of the node image is not part of any case
        switch (arguments[0]) {
            case "alone" -> row("1 class, own cluster", Run.of(Alone.class));
            case "shared" -> row("3 classes, one shared cluster", Run.of(First.class, Second.class, Third.class));
            case "kept" -> {
                Run run = Run.of(Kept.class);
                row("kept cluster (reuse = true): " + run.origin(), run);
            }
            case "delete-kept" -> Kindj.connect().delete(Kept.NAME);
            default -> throw new IllegalArgumentException("unknown case " + arguments[0]);
        }
    }

    private static void row(String name, Run run) {
        String sharing = run.sharedClasses().values().stream().map(duration -> Long.toString(duration.toMillis()))
                .collect(Collectors.joining(", "));
        System.out.println("| " + name + " | " + run.wall().toMillis() + " | " + run.startup().toMillis() + " | "
                + run.cleanup().toMillis() + " | " + run.rest().toMillis() + " | " + (sharing.isEmpty() ? "–" : sharing) + " |");
    }

    /** Start-to-finish time of each class that reported it shares a cluster. */
    private static Map<String, Duration> sharedClassDurations(EngineExecutionResults results) {
        List<TestDescriptor> shared = results.containerEvents().reportingEntryPublished().stream()
                .filter(event -> "shared".equals(event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("kindj.cluster.origin")))
                .map(Event::getTestDescriptor)
                .toList();
        return shared.stream().collect(Collectors.toMap(TestDescriptor::getDisplayName, descriptor -> Duration.between(
                timestamp(results.containerEvents().started().list(), descriptor),
                timestamp(results.containerEvents().finished().list(), descriptor))));
    }

    private static Instant timestamp(List<Event> events, TestDescriptor descriptor) {
        return events.stream().filter(event -> event.getTestDescriptor().equals(descriptor)).findFirst().orElseThrow().getTimestamp();
    }

    abstract static class ListsNodes {
        @Test
        void listsNodes(KubernetesClient client) {
            assertThat(client.nodes().list().getItems()).isNotEmpty();
        }
    }

    @KubeCluster(name = "ju-bench-alone")
    static class Alone extends ListsNodes {
    }

    @KubeCluster(name = "ju-bench-shared")
    static class First extends ListsNodes {
    }

    @KubeCluster(name = "ju-bench-shared")
    static class Second extends ListsNodes {
    }

    @KubeCluster(name = "ju-bench-shared")
    static class Third extends ListsNodes {
    }

    @KubeCluster(name = Kept.NAME, reuse = true)
    static class Kept extends ListsNodes {
        static final String NAME = "ju-bench-kept";
    }
}
