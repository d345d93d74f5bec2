package dev.kindj.junit.extension;

import dev.kindj.api.Kindj;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes clusters that earlier runs made and could not delete (killed JVM, power loss). */
final class LeftoverClusters {

    /**
     * How long a run on another host may keep its clusters before they count as left over; runs on this host
     * are judged by whether their process still exists.
     */
    static final Duration GRACE = Duration.ofHours(2);
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverClusters.class);

    private LeftoverClusters() {
    }

    static void remove(Kindj kindj, TestRun.Stamp now) {
        Concurrently.forEach(kindj.clusters(), cluster -> ClusterMarker.read(kindj, cluster)
                .filter(marker -> marker.isLeftover(now, GRACE))
                .ifPresent(marker -> {
                    LOG.info("deleting cluster {}: left by a test run that started {} on {} (pid {}) and did not end cleanly",
                            cluster, marker.runStarted(), marker.host(), marker.pid());
                    kindj.delete(cluster);
                }));
    }
}
