package dev.kindj.junit.extension;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.api.KindjNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes clusters for a run, and finds the ones an earlier run kept for reuse. Every handle it returns leaves its
 * cluster running when closed: classes share clusters, and only the run knows when the last one is done.
 */
final class ClusterStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStarter.class);

    private final Kindj kindj;
    private final TestRun.Stamp run;

    ClusterStarter(Kindj kindj, TestRun.Stamp run) {
        this.kindj = kindj;
        this.run = run;
    }

    ClusterSession create(ClusterRequest request, String name, String image) {
        Instant start = Instant.now();
        LOG.info("creating cluster {} ({}, image {}) for {}", name, request.describe(), image, request.declaredOn().getName());
        ClusterMarker marker = ClusterMarker.forThisRun(run, request.reuse(), request.reuseHash(image));
        KindjCluster cluster = kindj.cluster(name)
                .config(request.config())
                .image(image)
                .waitForReady(request.waitTimeout())
                .keepOnClose(true)
                .listener(new CreationLog(kindj, name, marker))
                .create();
        if (request.reuse()) {
            marker.asReady().writeTo(cluster);
        }
        ClusterSession session = new ClusterSession(cluster, ClusterSession.Origin.CREATED, start);
        LOG.info("cluster {} ready in {} ms", name, session.startupTime().toMillis());
        return session;
    }

    /**
     * The cluster an earlier run kept under this name, when it was made from the same configuration and
     * still answers; otherwise empty, after deleting what is there.
     *
     * @throws ExtensionConfigurationException if a cluster of that name exists that the extension did not make
     */
    Optional<ClusterSession> reattach(String name, String reuseHash) {
        Optional<KindjCluster> kept = kindj.find(name);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Instant start = Instant.now();
        ClusterMarker marker = ClusterMarker.read(kindj, name).orElseThrow(() -> new ExtensionConfigurationException(
                "a cluster named " + name + " exists that @KubeCluster did not create; delete it"
                        + " (kindj delete cluster --name " + name + ") or give the test another name"));
        KindjCluster cluster = kept.get();
        if (marker.reuse() && marker.reuseHash().equals(reuseHash) && marker.ready()
                && cluster.nodes().stream().allMatch(KindjNode::running)) {
            ClusterSession session = new ClusterSession(cluster, ClusterSession.Origin.REATTACHED, start);
            if (session.answers()) {
                LOG.info("attached to kept cluster {} in {} ms", name, session.startupTime().toMillis());
                return Optional.of(session);
            }
            session.close();
        }
        LOG.info("kept cluster {} no longer matches its configuration or does not answer; making it again", name);
        cluster.delete();
        return Optional.empty();
    }
}
