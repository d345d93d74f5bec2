package dev.kindj.junit.extension;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.api.Manifests;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes clusters for a run, or for {@code reuse} attaches to the one an earlier run kept (the API's
 * {@code reuse}). Every handle it returns leaves its cluster running when closed: classes share clusters, and only
 * the run knows when the last one is done.
 */
final class ClusterStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStarter.class);

    private final Kindj kindj;
    private final TestRun.Stamp run;

    ClusterStarter(Kindj kindj, TestRun.Stamp run) {
        this.kindj = kindj;
        this.run = run;
    }

    ClusterSession open(ClusterRequest request, String name, String image) {
        Instant start = Instant.now();
        LOG.info("opening cluster {} ({}, image {}) for {}", name, request.describe(), image, request.declaredOn().getName());
        KindjCluster cluster = kindj.cluster(name)
                .config(request.config())
                .flavor(request.flavor())
                .image(image)
                .waitForReady(request.waitTimeout())
                .keepOnClose(true)
                .reuse(request.reuse())
                .listener(new CreationLog(kindj, name, ClusterMarker.forThisRun(run, request.reuse())))
                .create();
        ClusterSession session = new ClusterSession(cluster,
                cluster.reused() ? ClusterSession.Origin.REATTACHED : ClusterSession.Origin.CREATED, start);
        LOG.info("cluster {} {} in {} ms", name, cluster.reused() ? "attached" : "ready", session.startupTime().toMillis());
        return session;
    }

    /**
     * Loads the request's images, then applies its manifests and waits for their workloads, within the request's
     * wait timeout.
     */
    static void prepare(ClusterRequest request, ClusterSession session) {
        if (!request.images().isEmpty()) {
            session.cluster().loadImages(request.images().toArray(String[]::new));
        }
        if (!request.manifests().isEmpty()) {
            Instant start = Instant.now();
            session.cluster().apply(request.manifests().toArray(Manifests[]::new)).awaitReady(request.waitTimeout());
            LOG.info("manifests applied to {} and ready in {} ms", session.name(), Duration.between(start, Instant.now()).toMillis());
        }
    }
}
