package dev.kindj.junit.extension;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.api.KindjNode;
import dev.kindj.api.NodeRole;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A file in every Kubernetes node of a cluster made by the extension: which run made it, and whether it is kept
 * for the next run (which the API's {@code reuse} then attaches to). Clusters without it are never touched.
 */
record ClusterMarker(Instant runStarted, String host, long pid, boolean reuse) {

    static final String PATH = "/etc/kindj/junit-cluster.properties";
    private static final String CREATED_BY = "kindj-junit";
    private static final int OWNER_ONLY = 0600;

    static ClusterMarker forThisRun(TestRun.Stamp run, boolean reuse) {
        return new ClusterMarker(run.started(), run.host(), run.pid(), reuse);
    }

    /**
     * Whether the run that made this cluster is gone without deleting it: its process no longer exists on
     * this host, or it started longer than {@code grace} ago. Reused clusters are kept on purpose.
     */
    boolean isLeftover(TestRun.Stamp now, Duration grace) {
        if (reuse || (host.equals(now.host()) && pid == now.pid())) {
            return false;
        }
        boolean processGone = host.equals(now.host()) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        return processGone || runStarted.plus(grace).isBefore(now.started());
    }

    void writeTo(KindjCluster cluster) {
        byte[] content = fileContent();
        runningKubernetesNodes(cluster).forEach(node -> cluster.copyToNode(node, PATH, content, OWNER_ONLY));
    }

    /**
     * The marker of a cluster, or empty when the cluster was not made by the extension or none of its Kubernetes
     * nodes runs (files are read through a running node).
     */
    static Optional<ClusterMarker> read(Kindj kindj, String clusterName) {
        try {
            return kindj.find(clusterName).flatMap(cluster -> runningKubernetesNodes(cluster).stream().findFirst()
                    .flatMap(node -> parse(new String(cluster.copyFromNode(node, PATH), StandardCharsets.UTF_8))));
        } catch (InvalidRequestException noContainersOrNoMarker) {
            return Optional.empty();
        }
    }

    /** Not the load balancer: it runs haproxy alone, and nothing reads the marker there. */
    private static List<String> runningKubernetesNodes(KindjCluster cluster) {
        return cluster.nodes().stream().filter(node -> node.role() != NodeRole.LOAD_BALANCER && node.running())
                .map(KindjNode::name).toList();
    }

    byte[] fileContent() {
        Properties properties = new Properties();
        properties.setProperty("created-by", CREATED_BY);
        properties.setProperty("run-started", runStarted.toString());
        properties.setProperty("host", host);
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("reuse", Boolean.toString(reuse));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "written by the kindj JUnit extension; `kindj delete cluster` removes the cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Optional<ClusterMarker> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!CREATED_BY.equals(properties.getProperty("created-by"))) {
            return Optional.empty();
        }
        return Optional.of(new ClusterMarker(
                Instant.parse(properties.getProperty("run-started")),
                properties.getProperty("host", ""),
                Long.parseLong(properties.getProperty("pid", "-1")),
                Boolean.parseBoolean(properties.getProperty("reuse"))));
    }
}
