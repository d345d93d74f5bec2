package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes in a JUnit engine of their own: one test run, with its own root store and cleanup. */
final class EngineRuns {

    /** What the extension reports for each class that opened or shared a cluster. */
    record ClusterEntry(String cluster, String origin, Instant startupBegan, Instant ready) {
        boolean overlaps(ClusterEntry other) {
            return startupBegan.isBefore(other.ready) && other.startupBegan.isBefore(ready);
        }
    }

    private EngineRuns() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new));
        configuration.forEach(builder::configurationParameter);
        return builder.execute();
    }

    /** Nothing in the run failed, and this many tests passed. */
    static void assertAllPassed(EngineExecutionResults results, long tests) {
        assertThat(results.allEvents().failed().count()).as(failures(results)).isZero();
        results.testEvents().assertStatistics(stats -> stats.succeeded(tests));
    }

    /** Every failure of the run with its stack trace, for assertion messages. */
    static String failures(EngineExecutionResults results) {
        StringWriter text = new StringWriter();
        results.allEvents().failed().stream().forEach(event -> {
            text.append(event.getTestDescriptor().getDisplayName()).append(": ");
            event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                    .ifPresent(error -> error.printStackTrace(new PrintWriter(text)));
        });
        return text.toString();
    }

    static List<ClusterEntry> clusterEntries(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(entry -> entry.containsKey("kindj.cluster"))
                .map(entry -> new ClusterEntry(entry.get("kindj.cluster"), entry.get("kindj.cluster.origin"),
                        Instant.parse(entry.get("kindj.cluster.startupBegan")), Instant.parse(entry.get("kindj.cluster.ready"))))
                .toList();
    }
}
