package dev.kindj.junit.extension;

import dev.kindj.api.KindjCluster;
import java.time.Duration;
import java.time.Instant;

/**
 * A cluster that is up, as the tests of a run use it. Its handle never deletes the cluster on close: the run
 * deletes it at its end, or keeps it for reuse.
 */
final class ClusterSession {

    enum Origin { CREATED, REATTACHED }

    private final KindjCluster cluster;
    private final Origin origin;
    private final Instant startupBegan;
    private final Instant ready = Instant.now();
    private Object officialClient;

    ClusterSession(KindjCluster cluster, Origin origin, Instant startupBegan) {
        this.cluster = cluster;
        this.origin = origin;
        this.startupBegan = startupBegan;
    }

    /** The handle injected into tests. */
    KindjCluster cluster() {
        return cluster;
    }

    String name() {
        return cluster.name();
    }

    Origin origin() {
        return origin;
    }

    Instant startupBegan() {
        return startupBegan;
    }

    Instant ready() {
        return ready;
    }

    Duration startupTime() {
        return Duration.between(startupBegan, ready);
    }

    /** An {@code io.kubernetes.client.openapi.ApiClient}; only called when client-java is on the classpath. */
    synchronized Object officialClient() {
        if (officialClient == null) {
            officialClient = OfficialClient.create(cluster.kubeconfig());
        }
        return officialClient;
    }

    /** Releases the clients and the kubeconfig file; the cluster stays. */
    void close() {
        cluster.close();
    }

    @Override
    public String toString() {
        return "cluster " + name();
    }
}
