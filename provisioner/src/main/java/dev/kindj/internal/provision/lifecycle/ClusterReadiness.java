package dev.kindj.internal.provision.lifecycle;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.ComponentFiles;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a cluster is back after its nodes (re)started. What the API says right after a restart is stale: Nodes
 * still show the Ready they had before, pods the containers that died. So only what was reported since each node's
 * container last started counts: a Ready condition with a heartbeat since then (the kubelet always reports once
 * when it starts), DNS containers started since then.
 */
public final class ClusterReadiness {

    private static final String NODES = "{range .items[*]}{.metadata.name}{' '}"
            + "{.status.conditions[?(@.type=='Ready')].status}{' '}"
            + "{.status.conditions[?(@.type=='Ready')].lastHeartbeatTime}{'\\n'}{end}";
    private static final String PODS = "{range .items[*]}{.spec.nodeName}{' '}"
            + "{.status.containerStatuses[0].ready}{' '}"
            + "{.status.containerStatuses[0].state.running.startedAt}{'\\n'}{end}";

    private ClusterReadiness() {
    }

    /**
     * Waits until every node reports Ready, and (unless the cluster has no kube-proxy) every pod of cluster DNS runs a
     * container, since its node started.
     *
     * @throws Waits.CreationTimeoutException with the nodes' or pods' last state when the time runs out
     */
    public static void await(NodeProvider provider, String clusterName, Duration timeout) {
        List<Node> nodes = ClusterNodes.kubernetesNodes(provider, clusterName);
        String controlPlane = nodes.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE).map(Node::name)
                .findFirst().orElseThrow(() -> new IllegalStateException("cluster " + clusterName + " has no control plane"));
        Map<String, Instant> started = new HashMap<>();
        nodes.forEach(node -> started.put(node.name(), provider.startedAt(node.name()).truncatedTo(ChronoUnit.SECONDS)));
        Instant deadline = Instant.now().plus(timeout);
        Kubectl kubectl = new Kubectl(new AdminKubectl(provider, controlPlane));
        Waits.until("every node of " + clusterName + " to report Ready since it started", timeout,
                () -> allFresh(kubectl.run("get", "nodes", "-o", "jsonpath=" + NODES), "True", started),
                () -> nodeStates(provider, kubectl, started));
        if (!provider.exec(controlPlane, "test", "-f", ComponentFiles.argsPath("kube-proxy")).succeeded()) {
            // without kube-proxy CoreDNS waits for a Service proxy the user installs; creation does not wait either
            return;
        }
        Waits.until("cluster DNS of " + clusterName + " to run again", remaining(deadline),
                () -> allFresh(kubectl.run("-n", "kube-system", "get", "pods", "-l", "k8s-app=kube-dns",
                        "-o", "jsonpath=" + PODS), "true", started),
                () -> kubectl.run("-n", "kube-system", "get", "pods", "-o", "wide").orElse("the API does not answer"));
    }

    /**
     * Lines of "node status time": true when there is at least one and each has the status and a time since its
     * node started.
     */
    private static boolean allFresh(Optional<String> listing, String status, Map<String, Instant> started) {
        List<String[]> rows = listing.stream().flatMap(String::lines).filter(line -> !line.isBlank())
                .map(line -> line.trim().split(" ")).toList();
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.length == 3 && row[1].equals(status)
                && started.containsKey(row[0]) && !Instant.parse(row[2]).isBefore(started.get(row[0])));
    }

    /** Each node's last Ready report against its start, and the kubelet's last words on nodes not back. */
    private static String nodeStates(NodeProvider provider, Kubectl kubectl, Map<String, Instant> started) {
        StringBuilder states = new StringBuilder();
        String reports = kubectl.run("get", "nodes", "-o", "jsonpath=" + NODES).orElse("");
        for (Map.Entry<String, Instant> node : started.entrySet()) {
            String report = reports.lines().filter(line -> line.startsWith(node.getKey() + " ")).findFirst()
                    .orElse(node.getKey() + " (no report: the API does not answer)");
            states.append('\n').append(report).append(" (node started ").append(node.getValue()).append(')');
            if (!allFresh(Optional.of(report), "True", started)) {
                states.append("\n  kubelet: ").append(kubeletJournal(provider, node.getKey()).replace("\n", "\n  kubelet: "));
            }
        }
        return states.toString();
    }

    private static String kubeletJournal(NodeProvider provider, String node) {
        try {
            return provider.exec(node, "journalctl", "-u", "kubelet", "-n", "5", "--no-pager", "-o", "cat").stdout().strip();
        } catch (RuntimeException e) {
            return "(journal unreadable: " + e.getMessage() + ")";
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }

    /** kubectl as the cluster admin; empty while the node or the API does not answer. */
    private record Kubectl(AdminKubectl admin) {
        Optional<String> run(String... arguments) {
            try {
                ExecResult result = admin.run(arguments);
                return result.succeeded() ? Optional.of(result.stdout()) : Optional.empty();
            } catch (RuntimeException nodeNotRunningYet) {
                return Optional.empty();
            }
        }
    }
}
