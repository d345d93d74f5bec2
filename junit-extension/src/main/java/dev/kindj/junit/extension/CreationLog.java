package dev.kindj.junit.extension;

import dev.kindj.internal.provision.bootstrap.CreationProgress;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the steps of a creation, and marks the cluster as the extension's as soon as its containers exist. */
final class CreationLog implements CreationProgress {

    private static final Logger LOG = LoggerFactory.getLogger(CreationLog.class);

    private final NodeProvider provider;
    private final String cluster;
    private final ClusterMarker marker;
    private boolean marked;

    CreationLog(NodeProvider provider, String cluster, ClusterMarker marker) {
        this.provider = provider;
        this.cluster = cluster;
        this.marker = marker;
    }

    @Override
    public void started(String title) {
        LOG.debug("{}: {}", cluster, title);
    }

    @Override
    public void finished(String title, Duration took) {
        LOG.debug("{}: {} took {} ms", cluster, title, took.toMillis());
        // Marked mid-creation rather than after it, so a run killed during the remaining steps still
        // leaves a cluster the next run recognizes as a leftover.
        if (!marked) {
            List<Node> nodes = provider.listNodes(cluster);
            if (!nodes.isEmpty()) {
                marker.writeTo(provider, nodes);
                marked = true;
            }
        }
    }

    @Override
    public void failed(String title, Throwable error) {
        LOG.warn("{}: {} failed: {}", cluster, title, error.getMessage());
    }
}
