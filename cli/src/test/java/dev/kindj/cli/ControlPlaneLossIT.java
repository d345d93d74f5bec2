package dev.kindj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.Kindj;
import dev.kindj.internal.provision.bootstrap.components.EtcdFiles;
import dev.kindj.internal.provision.bootstrap.components.LoadBalancerFiles;
import dev.kindj.internal.provision.pki.PkiPaths;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 17's scenario 5 through the ./kindj launcher: an HA cluster (3 control planes, no workers) loses control
 * planes for good ({@code docker rm -f}). Reads and writes through the kubeconfig (the load balancer) go on;
 * {@code kindj create node --role control-plane} replaces the first one lost, so etcd has 3 healthy members again;
 * {@code kindj delete node} cleans up after the second. Each time is logged ("measured: ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneLossIT {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneLossIT.class);
    private static final String NAME = "cploss-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String FIRST = NAME + "-control-plane";
    private static final String SECOND = NAME + "-control-plane2";
    private static final String THIRD = NAME + "-control-plane3";
    private static final String LOAD_BALANCER = NAME + "-external-load-balancer";
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration WRITES_BACK_WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static Path kubeconfig;
    private static KubernetesClient client;

    @BeforeAll
    static void createHaCluster() throws Exception {
        Path config = Files.writeString(dir.resolve("ha.yaml"), """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                - role: control-plane
                - role: control-plane
                """);
        kubeconfig = dir.resolve("kubeconfig");
        kindj(CREATE_TIMEOUT, "create", "cluster", "--name", NAME, "--config", config.toString(),
                "--image", ProcessRun.nodeImage(), "--kubeconfig", kubeconfig.toString()).outOrFail();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
    }

    @AfterAll
    static void deleteCluster() {
        if (client != null) {
            client.close();
        }
        Kindj.connect().delete(NAME);
    }

    @Test
    @Order(1)
    void readsAndWritesGoOnThroughTheLoadBalancerWhenAControlPlaneIsDeletedForGood() {
        ProcessRun.docker("rm", "-f", "-v", FIRST).outOrFail();
        Instant lost = Instant.now();

        awaitWrite("after-first-loss", lost);
        assertThat(configMap("after-first-loss")).isEqualTo(Map.of("written", "after-first-loss"));
        assertThat(nodeNames()).contains(SECOND, THIRD);
    }

    @Test
    @Order(2)
    void createNodeReplacesTheLostControlPlaneAndEtcdHasThreeHealthyMembersAgain() {
        Instant started = Instant.now();
        ProcessRun create = kindj(ProcessRun.DEFAULT_TIMEOUT, "create", "node", "--role", "control-plane", "--name", NAME);
        measured("kindj create node --role control-plane, a lost one replaced", started);

        assertThat(create.outOrFail().strip()).as("the new node takes the lost one's name").isEqualTo(FIRST);
        assertThat(etcd(SECOND, "member", "list").lines().filter(line -> line.contains(", started, ")))
                .as("etcd members").hasSize(3).anyMatch(line -> line.contains(", " + FIRST + ", "));
        assertThat(etcd(SECOND, "endpoint", "health", "--cluster").lines().filter(line -> line.contains(" is healthy")))
                .hasSize(3);
        assertThat(nodeNames()).containsExactlyInAnyOrder(FIRST, SECOND, THIRD);
        assertThat(client.nodes().withName(FIRST).get().getStatus().getConditions())
                .anyMatch(condition -> condition.getType().equals("Ready") && condition.getStatus().equals("True"));
        assertThat(loadBalancerBackends()).containsExactlyInAnyOrder(FIRST, SECOND, THIRD);
        assertThat(configMap("after-first-loss")).as("written while a member was missing")
                .isEqualTo(Map.of("written", "after-first-loss"));
        // the new member's etcd and API server serve on their own: the others are gone from the load balancer
        assertThat(ProcessRun.of("docker", "exec", FIRST, "kubectl", "--kubeconfig=" + PkiPaths.SUPER_ADMIN_KUBECONFIG,
                "--server=https://127.0.0.1:6443", "get", "configmap", "after-first-loss", "-o", "name").outOrFail())
                .contains("configmap/after-first-loss");
    }

    @Test
    @Order(3)
    void deleteNodeTakesAControlPlaneWhoseContainerIsGoneOutOfEtcdTheLoadBalancerAndTheNodes() {
        ProcessRun.docker("rm", "-f", "-v", THIRD).outOrFail();
        awaitWrite("after-second-loss", Instant.now());

        Instant started = Instant.now();
        ProcessRun delete = kindj(ProcessRun.DEFAULT_TIMEOUT, "delete", "node", THIRD, "--name", NAME);
        measured("kindj delete node of a control plane whose container is gone", started);

        delete.outOrFail();
        assertThat(etcd(FIRST, "member", "list").lines()).as("etcd members").hasSize(2)
                .noneMatch(line -> line.contains(THIRD));
        assertThat(etcd(FIRST, "endpoint", "health", "--cluster").lines().filter(line -> line.contains(" is healthy")))
                .hasSize(2);
        assertThat(nodeNames()).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(loadBalancerBackends()).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(kindj(ProcessRun.DEFAULT_TIMEOUT, "get", "nodes", "--name", NAME).outOrFail())
                .contains(FIRST, SECOND, LOAD_BALANCER).doesNotContain(THIRD);
        awaitWrite("after-delete-node", Instant.now());
    }

    /** Writes a ConfigMap through the kubeconfig until the API takes it, within {@link #WRITES_BACK_WITHIN}. */
    private static void awaitWrite(String name, Instant since) {
        Instant deadline = since.plus(WRITES_BACK_WITHIN);
        while (true) {
            try {
                client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                        .withName(name).endMetadata().addToData("written", name).build()).create();
                measured("first write (ConfigMap " + name + ") through the load balancer", since);
                return;
            } catch (KubernetesClientException refused) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no write went through within " + WRITES_BACK_WITHIN, refused);
                }
                LOG.info("write refused, trying again: {}", refused.getMessage());
            }
        }
    }

    private static Map<String, String> configMap(String name) {
        return client.configMaps().inNamespace("default").withName(name).get().getData();
    }

    private static List<String> nodeNames() {
        return client.nodes().list().getItems().stream().map(Node::getMetadata).map(meta -> meta.getName()).toList();
    }

    private static String etcd(String node, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "exec", node, "etcdctl",
                "--endpoints=" + EtcdFiles.LOCAL_CLIENT_URL,
                "--cacert=" + PkiPaths.certificate(PkiPaths.ETCD_CA),
                "--cert=" + PkiPaths.certificate(PkiPaths.ETCD_HEALTHCHECK_CLIENT),
                "--key=" + PkiPaths.key(PkiPaths.ETCD_HEALTHCHECK_CLIENT)));
        command.addAll(List.of(arguments));
        return ProcessRun.of(command.toArray(String[]::new)).outOrFail();
    }

    /** The server names in the load balancer's haproxy configuration. */
    private static List<String> loadBalancerBackends() {
        return ProcessRun.docker("exec", LOAD_BALANCER, "cat", LoadBalancerFiles.CONFIG_PATH).outOrFail().lines()
                .filter(line -> line.startsWith("  server ")).map(line -> line.strip().split(" ")[1]).toList();
    }

    /** The launcher with the test's kubeconfig as $KUBECONFIG, so that nothing touches the user's. */
    private static ProcessRun kindj(Duration timeout, String... args) {
        return ProcessRun.kindj(Map.of("KUBECONFIG", kubeconfig.toString()), timeout, args);
    }

    private static void measured(String what, Instant since) {
        LOG.info("measured: {} in {} s", what, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
