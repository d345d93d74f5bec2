package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A local registry from Java: pushed to from the host, pulled from by every node of a cluster (one made with it, a
 * worker added later), kept while a cluster uses it, and left alone when the cluster goes. Pulls after the nodes
 * restart are RegistryCommandsIT's (cli), through {@code kindj start cluster}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KindjRegistryIT {

    private static final String APP = "kindj-test/app:1";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String REGISTRY = "reg-api-" + SUFFIX;
    private static final String CLUSTER = "reg-api-" + SUFFIX;
    private static final String DEPLOYMENT = "pulled";
    private static Kindj kindj;
    private static KindjRegistry registry;
    private static KindjCluster cluster;
    private static String pushed;

    @BeforeAll
    static void createRegistryPushAndCreateCluster() throws Exception {
        run(Path.of("..", "scripts", "build-test-images.sh").toString(), "app");
        kindj = Kindj.connect();
        registry = kindj.registry(REGISTRY).port(freePort()).create();
        pushed = registry.host() + "/app:1";
        run("docker", "tag", APP, pushed);
        run("docker", "push", pushed);
        cluster = kindj.cluster(CLUSTER).workers(1).registry(REGISTRY).create();
    }

    @AfterAll
    static void deleteLeftovers() throws Exception {
        if (kindj != null) {
            kindj.delete(CLUSTER);
            if (kindj.findRegistry(REGISTRY).isPresent()) {
                kindj.deleteRegistry(REGISTRY);
            }
        }
        if (pushed != null) {
            run("docker", "rmi", pushed);
        }
    }

    @Test
    @Order(1)
    void theRegistryIsListedWithItsHostAndTheClusterThatUsesIt() {
        assertThat(kindj.registries()).extracting(KindjRegistry::name).contains(REGISTRY);
        KindjRegistry found = kindj.findRegistry(REGISTRY).orElseThrow();
        assertThat(found.host()).isEqualTo("localhost:" + registry.port());
        assertThat(found.hostInClusterNetwork()).isEqualTo(REGISTRY + ":5000");
        assertThat(found.state()).isEqualTo("running");
        assertThat(found.clusters()).containsExactly(CLUSTER);
    }

    @Test
    @Order(2)
    void aDeploymentThatAlwaysPullsRunsOnEveryNode() {
        KubernetesClient client = cluster.client();
        client.apps().deployments().resource(deploymentOnEveryNode(2)).create();
        client.apps().deployments().withName(DEPLOYMENT).waitUntilReady(3, TimeUnit.MINUTES);

        assertThat(nodesRunningTheDeployment()).containsExactlyInAnyOrder(CLUSTER + "-control-plane", CLUSTER + "-worker");
    }

    @Test
    @Order(3)
    void theClusterPublishesKep1755sConfigMap() {
        String hosting = cluster.client().configMaps().inNamespace("kube-public").withName("local-registry-hosting").get()
                .getData().get("localRegistryHosting.v1");

        assertThat(hosting).contains("host: \"" + registry.host() + "\"",
                "hostFromContainerRuntime: \"" + registry.host() + "\"",
                "hostFromClusterNetwork: \"" + REGISTRY + ":5000\"", "help: \"https://");
    }

    @Test
    @Order(4)
    void aWorkerAddedLaterPullsFromItToo() {
        String added = cluster.addWorker().name();
        KubernetesClient client = cluster.client();
        client.apps().deployments().withName(DEPLOYMENT).scale(3);
        client.apps().deployments().withName(DEPLOYMENT).waitUntilReady(3, TimeUnit.MINUTES);

        assertThat(nodesRunningTheDeployment()).contains(added).hasSize(3);
    }

    @Test
    @Order(5)
    void theRegistryCannotBeDeletedWhileTheClusterUsesIt() {
        assertThatThrownBy(() -> registry.delete())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("local registry '" + REGISTRY + "' is used by cluster(s) " + CLUSTER)
                .hasMessageContaining("kindj delete cluster --name " + CLUSTER);
        assertThat(kindj.findRegistry(REGISTRY)).isPresent();
    }

    @Test
    @Order(6)
    void deletingTheClusterLeavesTheRegistryWhichThenGoesWithItsVolume() throws Exception {
        cluster.delete();
        KindjRegistry kept = kindj.findRegistry(REGISTRY).orElseThrow();
        assertThat(kept.state()).isEqualTo("running");
        assertThat(kept.clusters()).isEmpty();

        kept.delete();

        assertThat(kindj.findRegistry(REGISTRY)).isEmpty();
        assertThat(output("docker", "ps", "-a", "--filter", "name=^" + REGISTRY + "$", "-q")).isBlank();
        assertThat(output("docker", "volume", "ls", "-q", "--filter", "name=^" + REGISTRY + "-data$")).isBlank();
    }

    /** One replica per node: none may share a node with another, and they may run on the control plane. */
    private static Deployment deploymentOnEveryNode(int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(DEPLOYMENT).endMetadata()
                // one pod per node leaves no room for a rolling update's extra pod
                .withNewSpec().withReplicas(replicas).withNewStrategy().withType("Recreate").endStrategy()
                .withNewSelector().addToMatchLabels("app", DEPLOYMENT).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", DEPLOYMENT).endMetadata()
                .withNewSpec()
                .addNewToleration().withKey("node-role.kubernetes.io/control-plane").withOperator("Exists")
                .withEffect("NoSchedule").endToleration()
                .withNewAffinity().withNewPodAntiAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector().addToMatchLabels("app", DEPLOYMENT)
                .endLabelSelector().endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity()
                .addNewContainer().withName("app").withImage(pushed).withImagePullPolicy("Always")
                .withArgs("serve", "8080", "pulled from the local registry").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    private static List<String> nodesRunningTheDeployment() {
        return cluster.client().pods().withLabel("app", DEPLOYMENT).list().getItems().stream()
                .filter(pod -> "Running".equals(pod.getStatus().getPhase()) && pod.getMetadata().getDeletionTimestamp() == null)
                .map(Pod::getSpec).map(spec -> spec.getNodeName()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    private static String output(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
