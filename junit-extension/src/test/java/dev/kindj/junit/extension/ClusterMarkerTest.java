package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterMarkerTest {

    private static final Duration GRACE = Duration.ofHours(2);
    private final TestRun.Stamp now = new TestRun.Stamp(Instant.parse("2026-01-01T12:00:00Z"), "here", ProcessHandle.current().pid());

    @Test
    void aClusterOfAProcessThatIsGoneFromThisHostIsALeftoverAtOnce() throws Exception {
        assertThat(marker(now.started(), "here", ExitedProcess.pid(), false).isLeftover(now, GRACE)).isTrue();
    }

    @Test
    void aClusterOfARunningProcessOrAnotherHostIsKeptForTheGracePeriod() {
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(marker(now.started().minusSeconds(60), "here", running, false).isLeftover(now, GRACE)).isFalse();
        assertThat(marker(now.started().minusSeconds(60), "elsewhere", 1, false).isLeftover(now, GRACE)).isFalse();
        assertThat(marker(now.started().minus(GRACE).minusSeconds(1), "elsewhere", 1, false).isLeftover(now, GRACE)).isTrue();
    }

    @Test
    void keptAndOwnClustersAreNeverLeftovers() throws Exception {
        assertThat(marker(Instant.EPOCH, "here", ExitedProcess.pid(), true).isLeftover(now, GRACE)).isFalse();
        assertThat(marker(Instant.EPOCH, "here", now.pid(), false).isLeftover(now, GRACE)).isFalse();
    }

    @Test
    void survivesTheTripThroughTheNodeFile() {
        ClusterMarker marker = marker(now.started(), "here", 42, true);
        String file = new String(marker.fileContent(), StandardCharsets.UTF_8);
        assertThat(ClusterMarker.parse(file)).contains(marker);
        assertThat(ClusterMarker.parse("created-by=someone-else\n")).isEmpty();
    }

    private static ClusterMarker marker(Instant started, String host, long pid, boolean reuse) {
        return new ClusterMarker(started, host, pid, reuse);
    }

}
