package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The API as a Java user drives it: one cluster made by the builder, used through its handle, closed. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KindjClusterIT {

    private static final String APP = TestApp.IMAGE;
    private static final String NAME = "api-" + UUID.randomUUID().toString().substring(0, 6);
    private static final List<String> steps = new CopyOnWriteArrayList<>();
    private static Kindj kindj;
    private static KindjCluster cluster;

    @BeforeAll
    static void create() throws Exception {
        TestApp.build();
        kindj = Kindj.connect();
        cluster = kindj.cluster(NAME).listener(new CreationListener() {
            @Override
            public void stepStarted(String title) {
                steps.add(title);
            }
        }).create();
    }

    @AfterAll
    static void deleteLeftovers() {
        if (kindj != null) {
            kindj.delete(NAME);
        }
    }

    @Test
    @Order(1)
    void theBuilderMadeOneReadyControlPlaneAndReportedItsSteps() {
        assertThat(Kindj.connect()).as("one shared connection per process").isSameAs(kindj);
        assertThat(steps).contains("Preparing nodes", "Waiting for nodes and DNS to be ready");
        assertThat(cluster.name()).isEqualTo(NAME);
        assertThat(cluster.nodes()).singleElement().satisfies(node -> {
            assertThat(node.name()).isEqualTo(NAME + "-control-plane");
            assertThat(node.role()).isEqualTo(NodeRole.CONTROL_PLANE);
            assertThat(node.running()).isTrue();
        });
        List<Node> nodes = cluster.client().nodes().list().getItems();
        assertThat(nodes).singleElement().satisfies(node -> assertThat(node.getStatus().getConditions())
                .anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Ready");
                    assertThat(condition.getStatus()).isEqualTo("True");
                }));
    }

    @Test
    @Order(2)
    void kubeconfigsPointAtTheHostAndAtTheDockerNetwork() throws Exception {
        String nodeIp = cluster.nodes().get(0).ipAddress();
        assertThat(cluster.kubeconfig()).contains("server: https://127.0.0.1:").contains("kindj-" + NAME);
        assertThat(cluster.internalKubeconfig()).contains("server: https://" + nodeIp + ":6443");
        Path file = cluster.kubeconfigPath();
        assertThat(Files.readString(file)).isEqualTo(cluster.kubeconfig());
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @Order(3)
    void findAndGetReturnHandlesThatDoNotDeleteOnClose() {
        assertThat(kindj.clusters()).contains(NAME);
        try (KindjCluster found = kindj.find(NAME).orElseThrow()) {
            assertThat(found.kubeconfig()).isEqualTo(cluster.kubeconfig());
        }
        kindj.get(NAME).close();
        assertThat(kindj.clusters()).contains(NAME);
        assertThat(kindj.find("no-such-" + NAME)).isEmpty();
        assertThatThrownBy(() -> kindj.get("no-such-" + NAME))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(NAME);
    }

    @Test
    @Order(4)
    void aLoadedImageRunsAndASecondLoadSendsNothing() {
        ImageLoadResult first = cluster.loadImages(APP);
        assertThat(first.nodes(APP, ImageLoadResult.Outcome.IMPORTED)).containsExactly(NAME + "-control-plane");
        ImageLoadResult again = cluster.loadImages(APP);
        assertThat(again.nodes(APP, ImageLoadResult.Outcome.PRESENT)).containsExactly(NAME + "-control-plane");

        KubernetesClient client = cluster.client();
        client.apps().deployments().resource(TestApp.serving("hello", "hello from the api")).create();
        client.apps().deployments().withName("hello").waitUntilReady(2, TimeUnit.MINUTES);
        String pod = client.pods().withLabel("app", "hello").list().getItems().get(0).getMetadata().getName();
        // Through the API server's proxy, which reaches the pod over the pod network.
        assertThat(client.raw("/api/v1/namespaces/default/pods/" + pod + ":8080/proxy/")).contains("hello from the api");
    }

    @Test
    @Order(5)
    void filesGoInAndOutOfNodesAndFailedCommandsAreReturned() {
        String node = NAME + "-control-plane";
        cluster.copyToNode(node, "/tmp/kindj-api/note.txt", "written by the API\n".getBytes(StandardCharsets.UTF_8), 0640);
        assertThat(new String(cluster.copyFromNode(node, "/tmp/kindj-api/note.txt"), StandardCharsets.UTF_8))
                .isEqualTo("written by the API\n");
        assertThat(cluster.exec(node, "stat", "-c", "%a", "/tmp/kindj-api/note.txt").stdout().strip()).isEqualTo("640");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        cluster.copyToNode(node, "/var/lib/kindj-api/bytes", binary, 0600);
        assertThat(cluster.copyFromNode(node, "/var/lib/kindj-api/bytes")).isEqualTo(binary);
        assertThatThrownBy(() -> cluster.copyFromNode(node, "/no/such/file"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("/no/such/file");
        CommandResult failed = cluster.exec(node, "sh", "-c", "echo nope >&2; exit 3");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.stderr()).contains("nope");
        assertThatThrownBy(failed::orThrow).hasMessageContaining("exited with 3").hasMessageContaining("nope");
        assertThatThrownBy(() -> cluster.exec("no-such-node", "true"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(node);
    }

    @Test
    @Order(6)
    void aWorkerJoinsAndLeaves() {
        KindjNode worker = cluster.addWorker();
        assertThat(worker.role()).isEqualTo(NodeRole.WORKER);
        assertThat(cluster.client().nodes().withName(worker.name()).get()).isNotNull();
        assertThatThrownBy(() -> cluster.removeNode(NAME + "-control-plane")).isInstanceOf(InvalidRequestException.class);
        cluster.removeNode(worker.name());
        assertThat(cluster.nodes()).extracting(KindjNode::name).containsExactly(NAME + "-control-plane");
        assertThat(cluster.client().nodes().withName(worker.name()).get()).isNull();
    }

    @Test
    @Order(7)
    void logsAreExported(@TempDir Path dir) {
        Path logs = cluster.exportLogs(dir.resolve("logs"));
        assertThat(logs.resolve(NAME + "-control-plane")).isDirectory();
    }

    @Test
    @Order(8)
    void closingDeletesWhatTheBuilderMade() {
        Path kubeconfig = cluster.kubeconfigPath();
        cluster.close();
        assertThat(kindj.clusters()).doesNotContain(NAME);
        assertThat(kubeconfig).doesNotExist();
    }
}
