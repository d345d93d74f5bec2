package dev.kindj.junit.extension;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.node.NodeProvider;
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
 * A file in every node of a cluster made by the extension: which run made it, whether it is kept for the
 * next run, and (once it is up) how to reach it again. Clusters without it are never touched.
 *
 * @param kubeconfig empty until creation finished
 */
record ClusterMarker(Instant runStarted, String host, long pid, boolean reuse, String reuseHash, String kubeconfig) {

    static final String PATH = "/etc/kindj/junit-cluster.properties";
    private static final String CREATED_BY = "kindj-junit";

    static ClusterMarker forThisRun(TestRun.Stamp run, boolean reuse, String reuseHash) {
        return new ClusterMarker(run.started(), run.host(), run.pid(), reuse, reuseHash, "");
    }

    ClusterMarker withKubeconfig(String yaml) {
        return new ClusterMarker(runStarted, host, pid, reuse, reuseHash, yaml);
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

    void writeTo(NodeProvider provider, List<Node> nodes) {
        NodeFile file = new NodeFile(PATH, fileContent(), NodeFile.PRIVATE);
        nodes.forEach(node -> provider.copyIn(node.name(), List.of(file)));
    }

    /** The marker of a cluster, or empty when the cluster has no nodes or was not made by the extension. */
    static Optional<ClusterMarker> read(NodeProvider provider, String clusterName) {
        List<Node> nodes = provider.listNodes(clusterName);
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return parse(new String(provider.copyOut(nodes.get(0).name(), PATH), StandardCharsets.UTF_8));
        } catch (NotFoundException | IllegalArgumentException noMarker) {
            return Optional.empty();
        }
    }

    byte[] fileContent() {
        Properties properties = new Properties();
        properties.setProperty("created-by", CREATED_BY);
        properties.setProperty("run-started", runStarted.toString());
        properties.setProperty("host", host);
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("reuse", Boolean.toString(reuse));
        properties.setProperty("reuse-hash", reuseHash);
        properties.setProperty("kubeconfig", kubeconfig);
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
                Boolean.parseBoolean(properties.getProperty("reuse")),
                properties.getProperty("reuse-hash", ""),
                properties.getProperty("kubeconfig", "")));
    }
}
