package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An api-only cluster as an operator test uses it: no nodes, but the controller-manager finalizes namespaces,
 * collects garbage, runs Deployments up to Pending pods and signs ServiceAccount tokens, and RBAC holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiOnlyClusterIT {

    private static final String NAME = "apionly-" + UUID.randomUUID().toString().substring(0, 6);
    private static final Duration CONTROLLERS = Duration.ofSeconds(60);
    private static Kindj kindj;
    private static KindjCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void create() {
        kindj = Kindj.connect();
        cluster = kindj.cluster(NAME).apiOnly().create();
        client = cluster.client();
    }

    @AfterAll
    static void delete() {
        if (cluster != null) {
            cluster.close();
            assertThat(kindj.find(NAME)).as("closed api-only cluster").isEmpty();
        }
        kindj.delete(NAME);
    }

    @Test
    void oneContainerServesTheApiWithNoNodesAndIsListedLikeAnyCluster() throws Exception {
        assertThat(cluster.nodes()).singleElement().satisfies(node -> {
            assertThat(node.name()).isEqualTo(NAME + "-control-plane");
            assertThat(node.running()).isTrue();
        });
        assertThat(client.nodes().list().getItems()).as("no kubelet registers a Node").isEmpty();
        assertThat(cluster.exec(NAME + "-control-plane", "sh", "-c", "ps -e -o comm=").stdout())
                .contains("etcd", "kube-apiserver", "kube-controller")
                .doesNotContain("kubelet", "containerd", "systemd", "kube-scheduler");
        assertThat(kindj.clusters()).contains(NAME);
        assertThat(cluster.kubeconfig()).contains("server: https://127.0.0.1:");
        assertThat(Files.getPosixFilePermissions(cluster.kubeconfigPath()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aDeletedNamespaceIsFinalizedWithItsContents() {
        String namespace = "doomed";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .create();
        client.configMaps().inNamespace(namespace).resource(configMap("inside")).create();

        client.namespaces().withName(namespace).delete();

        eventually("namespace " + namespace + " to be gone", () -> client.namespaces().withName(namespace).get() == null);
    }

    @Test
    void garbageCollectionDeletesWhatTheDeletedOwnerOwned() {
        ConfigMap owner = client.configMaps().resource(configMap("owner")).create();
        ConfigMap owned = new ConfigMapBuilder(configMap("owned")).editMetadata()
                .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("owner")
                .withUid(owner.getMetadata().getUid()).endOwnerReference()
                .endMetadata().build();
        client.configMaps().resource(owned).create();

        client.configMaps().withName("owner").delete();

        eventually("the owned ConfigMap to be collected", () -> client.configMaps().withName("owned").get() == null);
    }

    @Test
    void aDeploymentGetsAReplicaSetAndPodsThatStayPendingWithoutANode() {
        client.apps().deployments().resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("kindj-test/never-pulled:1").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();

        eventually("the Deployment's two pods", () -> client.pods().withLabel("app", "web").list().getItems().size() == 2);
        assertThat(client.apps().replicaSets().withLabel("app", "web").list().getItems()).hasSize(1);
        List<Pod> pods = client.pods().withLabel("app", "web").list().getItems();
        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
            assertThat(pod.getSpec().getNodeName()).as("no scheduler, no node").isNull();
        });
    }

    @Test
    void aServiceAccountTokenSignedByTheControllerManagerAuthenticatesAndRbacDeniesIt() {
        client.serviceAccounts().resource(new ServiceAccountBuilder().withNewMetadata().withName("nobody")
                .endMetadata().build()).create();
        client.secrets().resource(new SecretBuilder().withNewMetadata().withName("nobody-token")
                .addToAnnotations("kubernetes.io/service-account.name", "nobody").endMetadata()
                .withType("kubernetes.io/service-account-token").build()).create();
        eventually("the token controller to fill the Secret", () -> {
            var data = client.secrets().withName("nobody-token").get().getData();
            return data != null && data.containsKey("token");
        });
        String token = new String(Base64.getDecoder().decode(client.secrets().withName("nobody-token").get()
                .getData().get("token")), StandardCharsets.UTF_8);

        Config asNobody = Config.fromKubeconfig(cluster.kubeconfig());
        asNobody.setClientCertData(null);
        asNobody.setClientKeyData(null);
        asNobody.setOauthToken(token);
        try (KubernetesClient nobody = new KubernetesClientBuilder().withConfig(asNobody).build()) {
            // 403, not 401: the token is accepted, and RBAC grants its account nothing
            assertThatThrownBy(() -> nobody.secrets().inNamespace("kube-system").list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("system:serviceaccount:default:nobody");
                    });
        }
    }

    @Test
    void whatNeedsNodesIsRefusedBeforeAnythingIsMade() {
        String refused = NAME + "-refused";
        assertThatThrownBy(() -> kindj.cluster(refused).apiOnly().workers(1).create())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 worker(s)");
        assertThatThrownBy(() -> kindj.cluster(refused).apiOnly().config("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 18080
                """).create())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("extraPortMappings");
        assertThat(kindj.find(refused)).isEmpty();
        assertThatThrownBy(() -> cluster.loadImages("kindj-test/app:1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is api-only");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stoppedAndStartedItKeepsItsObjects() {
        client.configMaps().resource(configMap("kept")).create();

        cluster.stop();
        assertThat(cluster.nodes()).singleElement().satisfies(node -> assertThat(node.running()).isFalse());
        cluster.start(Duration.ofMinutes(2));

        eventually("the API after the start", () -> {
            try {
                return client.configMaps().withName("kept").get() != null;
            } catch (KubernetesClientException notYet) {
                return false;
            }
        });
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build();
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + CONTROLLERS.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + CONTROLLERS.toSeconds() + " s for " + what).isLessThan(deadline);
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
