package dev.kindj.junit.extension;

import dev.kindj.api.Kindj;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test run (one JUnit engine execution): the clusters it opened, and their deletion when JUnit closes the
 * root store or, if the JVM is interrupted first, from a shutdown hook.
 */
@SuppressWarnings("deprecation") // CloseableResource as well, so JUnit releases before 5.13 also close the run.
final class TestRun implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    static final int ID_LENGTH = 6;
    /** Clusters made by the extension use the node image given here unless the annotation names one. */
    static final String IMAGE_PROPERTY = "kindj.image";
    private static final Logger LOG = LoggerFactory.getLogger(TestRun.class);

    /** Who made a cluster, written into it so that a later run can tell whether its maker is gone. */
    record Stamp(Instant started, String host, long pid) {
    }

    private final Kindj kindj;
    private final String id;
    private final Stamp stamp;
    private final ClusterStarter starter;
    private final Map<String, String> nodeImages = new ConcurrentHashMap<>();
    /** Names of clusters this run deletes at its end; reused clusters never enter. */
    private final Set<String> toDelete = ConcurrentHashMap.newKeySet();
    private final List<ClusterSession> sessions = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::release, "kindj-junit-cleanup");

    private TestRun(Kindj kindj) {
        this.kindj = kindj;
        this.id = randomId();
        this.stamp = new Stamp(Instant.now(), hostName(), ProcessHandle.current().pid());
        this.starter = new ClusterStarter(kindj, stamp);
    }

    /** Starts a run on this Docker connection, after removing the clusters that earlier runs left behind. */
    static TestRun start(Kindj kindj) {
        ClientWarmUp.start();
        TestRun run = new TestRun(kindj);
        LeftoverClusters.remove(kindj, run.stamp);
        Runtime.getRuntime().addShutdownHook(run.shutdownHook);
        return run;
    }

    /**
     * Creates the cluster the request describes, or attaches to the one an earlier run kept for it, loads the
     * request's images and applies its manifests. A cluster made here whose images or manifests fail is deleted at
     * once.
     */
    ClusterSession open(ClusterRequest request) {
        String image = nodeImage(request);
        String name = request.clusterName(id);
        if (!request.reuse()) {
            toDelete.add(name);
        }
        ClusterSession session;
        try {
            session = starter.open(request, name, image);
        } catch (RuntimeException e) {
            toDelete.remove(name); // a failed creation removes what it made
            throw e;
        }
        try {
            ClusterStarter.prepare(request, session);
        } catch (RuntimeException e) {
            session.close();
            if (session.origin() == ClusterSession.Origin.CREATED) {
                toDelete.remove(name);
                kindj.delete(name);
                LOG.info("deleted cluster {}: its images or manifests failed ({})", name,
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            throw e;
        }
        sessions.add(session);
        return session;
    }

    private String nodeImage(ClusterRequest request) {
        if (!request.image().isEmpty()) {
            return request.image();
        }
        String given = System.getProperty(IMAGE_PROPERTY, "");
        if (!given.isBlank() && request.kubernetesVersion().isEmpty()) {
            return given;
        }
        String version = request.kubernetesVersion().isEmpty() ? Kindj.DEFAULT_KUBERNETES_VERSION : request.kubernetesVersion();
        // Named before creation because the reuse hash includes it; one build per version even when classes
        // start clusters in parallel.
        return nodeImages.computeIfAbsent(version, v -> kindj.nodeImage(v).progress(LOG::info).ensure());
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds nothing left to delete
        }
        // The Docker connection stays open: Kindj.connect() serves every run in this JVM.
    }

    /** Closes the sessions and deletes the clusters this run made; safe to call from both ends. */
    private void release() {
        sessions.forEach(ClusterSession::close);
        List<String> names = toDelete.stream().filter(toDelete::remove).toList();
        Concurrently.forEach(names, name -> {
            Instant start = Instant.now();
            kindj.delete(name);
            LOG.info("deleted cluster {} in {} ms", name, Duration.between(start, Instant.now()).toMillis());
        });
    }

    private static String randomId() {
        byte[] bytes = new byte[ID_LENGTH / 2];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hostName() {
        Path linuxHostName = Path.of("/proc/sys/kernel/hostname");
        try {
            return Files.isReadable(linuxHostName) ? Files.readString(linuxHostName).strip() : InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
