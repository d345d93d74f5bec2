package dev.kindj.internal.provision.logs;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to find out why a cluster misbehaved, written to a folder: per node the journals of its
 * components, its container and pod logs, {@code docker inspect} and its console; for the cluster its events and
 * node descriptions. Never certificates' keys or kubeconfigs. Parts that cannot be read are listed in
 * {@value #PROBLEMS} instead of failing the export: a broken cluster is when logs matter most.
 */
public final class ClusterLogs {

    static final String PROBLEMS = "export-problems.txt";
    static final List<String> NODE_UNITS = List.of("kubelet", "containerd", "kube-proxy", "kindj-pod-network");
    static final List<String> CONTROL_PLANE_UNITS =
            List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler");

    private final NodeProvider provider;
    private final Path dir;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private ClusterLogs(NodeProvider provider, Path dir) {
        this.provider = provider;
        this.dir = dir;
    }

    /** Writes the cluster's logs to a new temporary folder and returns it. */
    public static Path export(NodeProvider provider, String clusterName) {
        ClusterNodes.all(provider, clusterName);
        try {
            return export(provider, clusterName, Files.createTempDirectory("kindj-logs-" + clusterName + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the logs", e);
        }
    }

    /**
     * Writes the cluster's logs under {@code dir}, one folder per node, creating it if needed.
     *
     * @return {@code dir}
     * @throws dev.kindj.internal.provision.node.UnknownNameException when there is no such cluster
     */
    public static Path export(NodeProvider provider, String clusterName, Path dir) {
        List<Node> nodes = ClusterNodes.all(provider, clusterName);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ClusterLogs logs = new ClusterLogs(provider, dir);
        Parallel.forEach("exporting logs", nodes, logs::exportNode);
        logs.exportClusterState(nodes);
        logs.writeProblems();
        return dir;
    }

    private void exportNode(Node node) {
        Path nodeDir = dir.resolve(node.name());
        NodeFiles files = new NodeFiles(provider, node.name(), nodeDir);
        attempt(node.name() + ": docker inspect", files::writeInspect);
        attempt(node.name() + ": container output", files::writeContainerOutput);
        if (!node.isRunning() || node.role() == NodeRole.LOAD_BALANCER) {
            return;
        }
        for (String unit : units(node)) {
            attempt(node.name() + ": journal of " + unit, () -> write(nodeDir.resolve(unit + ".log"),
                    provider.exec(node.name(), "journalctl", "--no-pager", "-o", "short-precise", "-u", unit).stdout()));
        }
        attempt(node.name() + ": /var/log/pods", () -> files.copyLogDirectory("pods"));
        attempt(node.name() + ": /var/log/containers", () -> files.copyLogDirectory("containers"));
    }

    private static List<String> units(Node node) {
        List<String> units = new ArrayList<>(NODE_UNITS);
        if (node.role() == NodeRole.CONTROL_PLANE) {
            units.addAll(CONTROL_PLANE_UNITS);
        }
        return units;
    }

    /** Through the first running control plane, as its admin. */
    private void exportClusterState(List<Node> nodes) {
        Optional<Node> controlPlane = nodes.stream()
                .filter(node -> node.role() == NodeRole.CONTROL_PLANE && node.isRunning()).findFirst();
        if (controlPlane.isEmpty()) {
            problems.add("cluster state: no control plane is running, so there are no events or node descriptions");
            return;
        }
        String node = controlPlane.get().name();
        attempt("kubectl get events", () -> write(dir.resolve("events.txt"),
                kubectl(node, "get", "events", "--all-namespaces", "--sort-by=.lastTimestamp", "-o", "wide")));
        attempt("kubectl describe nodes", () -> write(dir.resolve("nodes.txt"), kubectl(node, "describe", "nodes")));
        attempt("kubectl get pods", () -> write(dir.resolve("pods.txt"),
                kubectl(node, "get", "pods", "--all-namespaces", "-o", "wide")));
    }

    private String kubectl(String node, String... arguments) {
        return new AdminKubectl(provider, node).output(arguments);
    }

    private void attempt(String part, IoAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            problems.add(part + ": " + e.getMessage());
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, PrivateKeys.redact(text), StandardCharsets.UTF_8);
    }

    private void writeProblems() {
        if (!problems.isEmpty()) {
            attempt("problems", () -> write(dir.resolve(PROBLEMS), String.join("\n", problems.stream().sorted().toList())));
        }
    }
}
