package dev.kindj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kindj.api.Kindj;
import dev.kindj.cli.shared.ExitCodes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Local registry" commands through the ./kindj launcher: a registry, an image pushed from the host, a
 * cluster pulling it (also after docker restart of its node), the registry outliving that cluster and serving the
 * next one (made from a config file), and bad input refused with exit code 2, touching nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryCommandsIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String REGISTRY = "reg-cli-" + SUFFIX;
    private static final String FIRST = "reg-cli-a-" + SUFFIX;
    private static final String NEXT = "reg-cli-b-" + SUFFIX;
    private static final String TEST_IMAGE = "kindj-test/busybox:1";
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    private static int port;
    private static String pushed;

    @BeforeAll
    static void buildTestImage() throws IOException {
        ProcessRun.of(ProcessRun.ROOT.resolve("scripts/build-test-images.sh").toString(), "busybox").outOrFail();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        pushed = "localhost:" + port + "/busybox:1";
    }

    @AfterAll
    static void deleteLeftovers() {
        Kindj kindj = Kindj.connect();
        kindj.delete(FIRST);
        kindj.delete(NEXT);
        if (kindj.findRegistry(REGISTRY).isPresent()) {
            kindj.deleteRegistry(REGISTRY);
        }
        ProcessRun.docker("rmi", pushed);
    }

    @Test
    @Order(1)
    void createRegistryPublishesItOnLoopbackWithItsDataInAVolume() {
        ProcessRun created = kindj(CREATE_TIMEOUT, "create", "registry", "--name", REGISTRY, "--port", "" + port);

        created.outOrFail();
        assertThat(created.err()).contains("docker push localhost:" + port + "/IMAGE:TAG",
                "kindj create cluster --registry " + REGISTRY);
        assertThat(docker("port", REGISTRY).strip()).isEqualTo("5000/tcp -> 127.0.0.1:" + port);
        assertThat(docker("inspect", "-f", "{{range .Mounts}}{{.Name}} {{.Destination}}{{end}}", REGISTRY).strip())
                .isEqualTo(REGISTRY + "-data /var/lib/registry");
    }

    @Test
    @Order(2)
    void getRegistriesListsItAsTextAndJson() throws IOException {
        assertThat(kindj("get", "registries").outOrFail().lines())
                .anySatisfy(line -> assertThat(line.split("\\s+")).containsExactly(REGISTRY, "localhost:" + port, "running"));
        JsonNode registries = JSON.readTree(kindj("get", "registries", "-o", "json").outOrFail());
        assertThat(registries.isArray()).isTrue();
        assertThat(registries).filteredOn(registry -> registry.get("name").asText().equals(REGISTRY)).singleElement()
                .satisfies(registry -> {
                    assertThat(registry.get("host").asText()).isEqualTo("localhost:" + port);
                    assertThat(registry.get("port").asInt()).isEqualTo(port);
                    assertThat(registry.get("state").asText()).isEqualTo("running");
                    assertThat(registry.get("clusters").isEmpty()).isTrue();
                });
    }

    @Test
    @Order(3)
    void badInputIsRefusedWithExitCodeTwoAndLeavesNothing() throws IOException {
        String other = "reg-cli-other-" + SUFFIX;
        refused(kindj("create", "registry", "--name", REGISTRY, "--port", "" + (port + 1)),
                "local registry '" + REGISTRY + "' exists already (on localhost:" + port + ")");
        refused(kindj("create", "registry", "--name", other, "--port", "" + port),
                "port " + port + " on 127.0.0.1 is already in use; choose another with --port");
        refused(kindj("create", "registry", "--name", "Not_A_Host"), "'Not_A_Host' is not a valid registry name");
        assertThat(docker("ps", "-a", "-q", "--filter", "name=^" + other + "$")).isBlank();
        assertThat(docker("volume", "ls", "-q", "--filter", "name=^" + other + "-data$")).isBlank();
        assertThat(docker("inspect", "-f", "{{.State.Status}}", REGISTRY).strip()).isEqualTo("running");

        refused(kindj("create", "cluster", "--name", FIRST, "--registry", "no-such-registry"),
                "no local registry named 'no-such-registry'; create it first with `kindj create registry --name"
                        + " no-such-registry`");
        Path config = Files.writeString(dir.resolve("bad-registry.yaml"), """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                kindjRegistry: Not_A_Host
                """);
        refused(kindj("create", "cluster", "--name", FIRST, "--config", config.toString()),
                config + ":3:16: kindjRegistry: 'Not_A_Host' is not a valid registry name");
        assertThat(docker("network", "ls", "-q", "--filter", "name=^kindj-" + FIRST + "$")).isBlank();
    }

    @Test
    @Order(4)
    void aClusterMadeWithTheRegistryPullsWhatTheHostPushedAlsoAfterItsNodeRestarts() throws IOException {
        docker("tag", TEST_IMAGE, pushed);
        docker("push", pushed);
        Path kubeconfig = dir.resolve(FIRST + ".kubeconfig");
        kindj(CREATE_TIMEOUT, "create", "cluster", "--name", FIRST, "--registry", REGISTRY,
                "--kubeconfig", kubeconfig.toString()).outOrFail();

        assertPullsAndRuns(kubeconfig, "first");

        docker("restart", FIRST + "-control-plane");
        kindj(CREATE_TIMEOUT, "start", "cluster", "--name", FIRST).outOrFail();
        assertPullsAndRuns(kubeconfig, "after-restart");
    }

    @Test
    @Order(5)
    void theRegistryCannotBeDeletedWhileAClusterUsesIt() {
        refused(kindj("delete", "registry", "--name", REGISTRY),
                "local registry '" + REGISTRY + "' is used by cluster(s) " + FIRST);
        assertThat(docker("inspect", "-f", "{{.State.Status}}", REGISTRY).strip()).isEqualTo("running");
    }

    @Test
    @Order(6)
    void theRegistryOutlivesTheClusterAndServesTheNextOneMadeFromAConfigFile() throws IOException {
        kindj("delete", "cluster", "--name", FIRST).outOrFail();
        assertThat(docker("inspect", "-f", "{{.State.Status}}", REGISTRY).strip()).isEqualTo("running");

        Path config = Files.writeString(dir.resolve("with-registry.yaml"), """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                kindjRegistry: %s
                """.formatted(REGISTRY));
        Path kubeconfig = dir.resolve(NEXT + ".kubeconfig");
        kindj(CREATE_TIMEOUT, "create", "cluster", "--name", NEXT, "--config", config.toString(),
                "--kubeconfig", kubeconfig.toString()).outOrFail();

        assertPullsAndRuns(kubeconfig, "next");
    }

    @Test
    @Order(7)
    void deleteRegistryRemovesItsContainerAndVolumeOnceNoClusterUsesIt() {
        kindj("delete", "cluster", "--name", NEXT).outOrFail();

        kindj("delete", "registry", "--name", REGISTRY).outOrFail();

        assertThat(docker("ps", "-a", "-q", "--filter", "name=^" + REGISTRY + "$")).isBlank();
        assertThat(docker("volume", "ls", "-q", "--filter", "name=^" + REGISTRY + "-data$")).isBlank();
        refused(kindj("delete", "registry", "--name", REGISTRY), "no local registry named '" + REGISTRY + "'");
    }

    /** A pod that always pulls the pushed image runs: the node's containerd reached the registry. */
    private static void assertPullsAndRuns(Path kubeconfig, String podName) throws IOException {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            client.pods().inNamespace("default").resource(new PodBuilder()
                    .withNewMetadata().withName(podName).endMetadata()
                    .withNewSpec().addNewContainer().withName("pulled").withImage(pushed).withImagePullPolicy("Always")
                    .endContainer().endSpec().build()).create();
            Pod running = client.pods().inNamespace("default").withName(podName).waitUntilCondition(
                    pod -> pod != null && "Running".equals(pod.getStatus().getPhase()), 2, TimeUnit.MINUTES);
            assertThat(running.getStatus().getContainerStatuses().get(0).getImage()).isEqualTo(pushed);
        }
    }

    private static void refused(ProcessRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(run.toString()).contains(message);
    }

    private static ProcessRun kindj(String... args) {
        return kindj(ProcessRun.DEFAULT_TIMEOUT, args);
    }

    private static ProcessRun kindj(Duration timeout, String... args) {
        return ProcessRun.kindj(Map.of("KUBECONFIG", dir.resolve("default-kubeconfig").toString()), timeout, args);
    }

    private static String docker(String... args) {
        return ProcessRun.docker(args).outOrFail();
    }
}
