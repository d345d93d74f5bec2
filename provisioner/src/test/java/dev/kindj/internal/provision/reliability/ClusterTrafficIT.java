package dev.kindj.internal.provision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.NodeRefusals;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.lifecycle.ClusterLifecycle;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's default route leads out of the machine, so traffic for cluster addresses nothing serves must be refused
 * on the node, in every kube-proxy mode: a Service's ClusterIP on a port it lacks, pod addresses no node owns, and
 * pod addresses a node owns but no pod has. Refused means at once (a TCP reset, not a timeout) and counted by the
 * node's refusal rules; a counter on the way out of every node shows that none of it left. Nothing is sent before
 * the rules are seen in every node, after creation and (in the default mode) again after the cluster stopped and
 * started.
 */
class ClusterTrafficIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTrafficIT.class);
    private static final String MESSAGE = "served-in-the-cluster";
    private static final String CLIENT = "client";
    private static final String SERVER = "server";
    private static final int SERVICE_PORT = 80;
    private static final int MISSING_PORT = 81;
    private static final int SERVER_PORT = 8080;
    /** Well under nc's 5 s timeout, and under the 1 s SYN retry that follows an ICMP error lost to rate limits. */
    private static final Duration REFUSED_WITHIN = Duration.ofMillis(500);
    private static final String EGRESS_TABLE = "kindj-it-egress";
    private static final Pattern TIME = Pattern.compile("real\\s+(\\d+)m\\s+([0-9.]+)s");
    private static final Pattern COUNTER =
            Pattern.compile("counter packets (\\d+) bytes \\d+ (?:comment \"([a-z-]+)\"|reject with tcp reset)");

    @ParameterizedTest
    @EnumSource(value = KubeProxyMode.class, names = {"IPTABLES", "NFTABLES", "NONE"})
    void trafficNothingServesIsRefusedAtOnceAndNeverLeavesTheNodes(KubeProxyMode mode) throws Exception {
        LOG.info("kube-proxy mode {}", mode.yamlName());
        try (TestCluster cluster = TestCluster.create("traffic-" + mode.yamlName(), 1, 2,
                Networking.defaults().withKubeProxyMode(mode))) {
            ClusterPlan plan = cluster.created().plan();
            PlannedNode clientNode = plan.node(cluster.worker(1));
            PlannedNode serverNode = plan.node(cluster.worker(2));
            new ImageLoader(cluster.provider()).loadImages(List.of(TestImages.busybox(), TestImages.app()),
                    cluster.nodeNames());
            String serverIp = startPods(cluster, clientNode, serverNode);
            String clusterIp = cluster.client().services().inNamespace("default").withName(SERVER).get().getSpec()
                    .getClusterIP();
            String unowned = plan.podSubnet().subnet(24, 200).address(7);
            assertThat(plan.nodes()).as("pod ranges")
                    .noneMatch(node -> node.podCidr().overlaps(Ipv4Cidr.of(unowned + "/32")));
            String unusedOnClientNode = clientNode.podCidr().address(250);
            String unusedOnServerNode = serverNode.podCidr().address(250);

            for (PlannedNode node : plan.nodes()) {
                NodeRefusals.assertInPlace(cluster.provider(), plan, node.name());
                countEgress(cluster, node.name(), Map.of(
                        "service-range", plan.serviceSubnet().toString(),
                        "unowned", unowned,
                        "unused-on-client-node", unusedOnClientNode,
                        "unused-on-server-node", unusedOnServerNode,
                        "server", serverIp));
            }
            Map<String, Long> refusedBefore = refusals(cluster, plan);

            assertThat(connect(cluster, serverIp, SERVER_PORT)).as("pod to pod across nodes").contains(MESSAGE);
            if (mode == KubeProxyMode.NONE) {
                assertRefused(cluster, clusterIp, SERVICE_PORT, "the Service's own port, with nothing to translate it");
            } else {
                // kube-proxy on the client's node programs the Service once the server pod's endpoint reaches it,
                // which may be after the pods are ready; until then the node refuses the unknown Service address
                String[] last = {""};
                Waits.until("the Service to answer from the client pod", Duration.ofSeconds(30),
                        () -> (last[0] = connect(cluster, clusterIp, SERVICE_PORT)).contains(MESSAGE), () -> last[0]);
            }
            assertRefused(cluster, clusterIp, MISSING_PORT, "a port the Service lacks");
            assertRefused(cluster, unowned, SERVER_PORT, "a pod address no node owns");
            assertRefused(cluster, unusedOnClientNode, SERVER_PORT, "an unused pod address of the client's node");
            assertRefused(cluster, unusedOnServerNode, SERVER_PORT, "an unused pod address of another node");

            Map<String, Long> refused = refusals(cluster, plan);
            int refusedOnClientNode = mode == KubeProxyMode.NONE ? 4 : 3;
            assertThat(refused.get(clientNode.name()) - refusedBefore.get(clientNode.name()))
                    .as("TCP connections refused by %s", clientNode.name()).isGreaterThanOrEqualTo(refusedOnClientNode);
            assertThat(refused.get(serverNode.name()) - refusedBefore.get(serverNode.name()))
                    .as("TCP connections refused by %s, which owns %s", serverNode.name(), unusedOnServerNode)
                    .isGreaterThanOrEqualTo(1);
            for (PlannedNode node : plan.nodes()) {
                Map<String, Long> egress = egress(cluster, node.name());
                assertThat(egress).as("packets that left %s, by destination", node.name())
                        .containsEntry("service-range", 0L)
                        .containsEntry("unowned", 0L)
                        .containsEntry("unused-on-client-node", 0L);
                if (node.equals(serverNode)) {
                    assertThat(egress).as("packets that left %s, its owner", node.name())
                            .containsEntry("unused-on-server-node", 0L);
                }
            }
            assertThat(egress(cluster, clientNode.name()).get("server")).as("the counters count: packets from %s to"
                    + " the server on %s", clientNode.name(), serverNode.name()).isPositive();

            // The pod-network unit sets the refusals up again on every boot, whatever kube-proxy does: one mode shows it.
            if (mode != KubeProxyMode.IPTABLES) {
                return;
            }
            ClusterLifecycle.stop(cluster.provider(), cluster.name());
            Instant started = Instant.now();
            ClusterLifecycle.start(cluster.provider(), cluster.name(), Duration.ofMinutes(2));
            for (PlannedNode node : plan.nodes()) {
                NodeRefusals.assertInPlace(cluster.provider(), plan, node.name());
            }
            cluster.awaitPodsRunningSince(CLIENT, 1, started, Duration.ofMinutes(1));
            assertRefused(cluster, clusterIp, MISSING_PORT, "a port the Service lacks, after stop and start");
            assertRefused(cluster, unowned, SERVER_PORT, "a pod address no node owns, after stop and start");
        }
    }

    /** A server on one worker behind a Service with one port, and an idle client on the other; the server's IP. */
    private static String startPods(TestCluster cluster, PlannedNode clientNode, PlannedNode serverNode) {
        var pods = cluster.client().pods().inNamespace("default");
        pods.resource(new PodBuilder()
                .withNewMetadata().withName(SERVER).addToLabels("app", SERVER).endMetadata()
                .withNewSpec().withNodeName(serverNode.name())
                .addNewContainer().withName(SERVER).withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", Integer.toString(SERVER_PORT), MESSAGE).endContainer().endSpec().build()).create();
        pods.resource(new PodBuilder()
                .withNewMetadata().withName(CLIENT).addToLabels("app", CLIENT).endMetadata()
                .withNewSpec().withNodeName(clientNode.name())
                .addNewContainer().withName(CLIENT).withImage(TestImages.BUSYBOX).withImagePullPolicy("Never")
                .withCommand("sleep", "600").endContainer().endSpec().build()).create();
        cluster.client().services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName(SERVER).endMetadata()
                .withNewSpec().withSelector(Map.of("app", SERVER)).addNewPort().withPort(SERVICE_PORT)
                .withTargetPort(new IntOrString(SERVER_PORT)).endPort().endSpec().build()).create();
        for (String name : List.of(CLIENT, SERVER)) {
            pods.withName(name).waitUntilCondition(pod -> pod != null && "Running".equals(pod.getStatus().getPhase())
                    && pod.getStatus().getContainerStatuses().stream()
                            .allMatch(status -> Boolean.TRUE.equals(status.getReady())),
                    2, TimeUnit.MINUTES);
        }
        Pod server = pods.withName(SERVER).get();
        return server.getStatus().getPodIP();
    }

    /** Counts, on the node's way out, the packets for each destination; any interface, after every NAT. */
    private static void countEgress(TestCluster cluster, String node, Map<String, String> destinations) {
        StringBuilder rules = new StringBuilder("table ip " + EGRESS_TABLE + " {\n chain postrouting {\n"
                + "  type filter hook postrouting priority srcnat + 10; policy accept;\n");
        destinations.forEach((name, destination) -> rules.append("  ip daddr ").append(destination)
                .append(" counter comment \"").append(name).append("\"\n"));
        rules.append(" }\n}\n");
        cluster.provider().exec(node, "sh", "-c", "printf '%s' '" + rules + "' | nft -f -").orThrow(node);
    }

    private static Map<String, Long> egress(TestCluster cluster, String node) {
        return counters(cluster.provider().exec(node, "nft", "list", "table", "ip", EGRESS_TABLE).orThrow(node)
                .stdout());
    }

    /** The TCP connections each node's refusal table refused so far. */
    private static Map<String, Long> refusals(TestCluster cluster, ClusterPlan plan) {
        Map<String, Long> refused = new HashMap<>();
        for (PlannedNode node : plan.nodes()) {
            String table = cluster.provider().exec(node.name(), "nft", "list", "table", "ip",
                    PodNetworkFiles.REFUSALS_TABLE).orThrow(node.name()).stdout();
            refused.put(node.name(), counters(table).get("tcp-reset"));
        }
        return refused;
    }

    /** Counter values by comment; the refusal table's TCP reset as "tcp-reset". */
    private static Map<String, Long> counters(String table) {
        Map<String, Long> counters = new HashMap<>();
        Matcher matcher = COUNTER.matcher(table);
        while (matcher.find()) {
            counters.put(matcher.group(2) == null ? "tcp-reset" : matcher.group(2), Long.parseLong(matcher.group(1)));
        }
        return counters;
    }

    private static void assertRefused(TestCluster cluster, String address, int port, String what) {
        String output = connect(cluster, address, port);
        assertThat(output).as("connecting to %s (%s:%d)", what, address, port)
                .contains("Connection refused").doesNotContain(MESSAGE);
        Matcher time = TIME.matcher(output);
        assertThat(time.find()).as("the time taken in: %s", output).isTrue();
        Duration took = Duration.ofMinutes(Long.parseLong(time.group(1)))
                .plusMillis(Math.round(Double.parseDouble(time.group(2)) * 1000));
        LOG.info("measured: {} ({}:{}) refused after {} ms", what, address, port, took.toMillis());
        assertThat(took).as("time until %s (%s:%d) refused", what, address, port).isLessThan(REFUSED_WITHIN);
    }

    /** One HTTP request from the client pod, timed inside the pod; nc's output and errors and the time taken. */
    private static String connect(TestCluster cluster, String address, int port) {
        return cluster.kubectl("exec", CLIENT, "--", "sh", "-c", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | time nc -w 5 "
                + address + " " + port + " 2>&1").stdout();
    }
}
