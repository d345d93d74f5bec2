package dev.kindj.junit.extension;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.CreationListener;
import dev.kindj.api.Kindj;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the steps of a creation, and marks the cluster as the extension's as soon as its containers exist. */
final class CreationLog implements CreationListener {

    private static final Logger LOG = LoggerFactory.getLogger(CreationLog.class);

    private final Kindj kindj;
    private final String cluster;
    private final ClusterMarker marker;
    private volatile boolean marked;

    CreationLog(Kindj kindj, String cluster, ClusterMarker marker) {
        this.kindj = kindj;
        this.cluster = cluster;
        this.marker = marker;
    }

    @Override
    public void warning(String text) {
        LOG.warn("{}: {}", cluster, text);
    }

    @Override
    public void message(String line) {
        LOG.info("{}: {}", cluster, line);
    }

    @Override
    public void stepStarted(String title) {
        LOG.debug("{}: {}", cluster, title);
    }

    @Override
    public void stepFinished(String title, Duration took) {
        LOG.debug("{}: {} took {} ms", cluster, title, took.toMillis());
        // Marked mid-creation rather than after it, so a run killed during the remaining steps still
        // leaves a cluster the next run recognizes as a leftover.
        if (!marked) {
            try {
                kindj.find(cluster).ifPresent(created -> {
                    marker.writeTo(created);
                    marked = true;
                });
            } catch (InvalidRequestException noContainersYet) {
                // the first steps run before the node containers exist; a later step marks them
            }
        }
    }

    @Override
    public void stepFailed(String title, Throwable error) {
        LOG.warn("{}: {} failed: {}", cluster, title, error.getMessage());
    }
}
