package dev.kindj.cli;

import static dev.kindj.cli.ProcessRun.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kindj against a remote engine: a second, newer Docker (Debian sid's, scripts/second-engine.sh) in a network
 * namespace of its own, reached only over TLS on that namespace's address, as CI's docker:dind or a build host is.
 * Everything a user does goes through the ./kindj process with DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
 * set, and the cluster is used from this side with the kubeconfig kindj wrote. Once per image store: classic, and
 * containerd's (Docker 29's default) with a multi-platform image whose other platform's content is absent.
 * Traffic goes only to the namespace's address. With the classic store, the cluster then also outlives a stop and
 * start and a restart of the engine itself (issue 17's scenario 2; an engine the test started, never the machine's).
 */
class RemoteEngineIT {

    private static final Path ENGINE = ROOT.resolve("scripts/second-engine.sh");
    private static final Duration ENGINE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration IMAGE_COPY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(6);
    private static final String APP_IMAGE = "kindj-test/app:1";
    private static final String MULTI_PLATFORM_IMAGE = "kindj-test/multi-platform:1";
    private static final int NODE_PORT = 30080;
    private static final String MESSAGE = "served-from-the-remote-engine";
    private static final String BUSYBOX_IMAGE = "kindj-test/busybox:1";
    private static final Duration BACK_WITHIN = Duration.ofMinutes(2);
    private static final String DATA = "data";
    private static final String KEPT = "kept-across-an-engine-restart";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteEngineIT.class);

    @ParameterizedTest
    @ValueSource(strings = {"classic", "containerd"})
    void aClusterOnARemoteEngineServesTheClient(String imageStore, @TempDir Path dir) throws Exception {
        String cluster = "remote-" + imageStore;
        Instant started = Instant.now();
        run(List.of(ENGINE.toString(), "start", imageStore), Map.of(), ENGINE_TIMEOUT).outOrFail();
        try {
            Map<String, String> engine = engineEnvironment();
            String engineAddress = URI.create(engine.get("DOCKER_HOST")).getHost();
            String nodeImage = ProcessRun.nodeImage();
            copyToEngine(engine, nodeImage);
            String workload = APP_IMAGE;
            if (imageStore.equals("containerd")) {
                workload = MULTI_PLATFORM_IMAGE;
                loadPartialMultiPlatformImage(engine, dir);
            } else {
                copyToEngine(engine, APP_IMAGE);
            }
            Instant imagesReady = Instant.now();

            Path config = Files.writeString(dir.resolve("cluster.yaml"), """
                    kind: Cluster
                    apiVersion: kind.x-k8s.io/v1alpha4
                    nodes:
                    - role: control-plane
                    - role: worker
                      extraPortMappings:
                      - containerPort: %d
                        hostPort: %d
                    """.formatted(NODE_PORT, NODE_PORT));
            Path kubeconfig = dir.resolve("kubeconfig");
            ProcessRun create = kindj(engine, CREATE_TIMEOUT, "create", "cluster", "--name", cluster, "--config",
                    config.toString(), "--image", nodeImage, "--kubeconfig", kubeconfig.toString());
            create.outOrFail();
            Instant created = Instant.now();
            try {
                String kubeconfigText = Files.readString(kubeconfig);
                assertThat(Config.fromKubeconfig(kubeconfigText).getMasterUrl()).startsWith("https://" + engineAddress + ":");

                ProcessRun load = kindj(engine, ProcessRun.DEFAULT_TIMEOUT, "load", "docker-image", workload, "--name",
                        cluster);
                load.outOrFail();
                assertThat(load.err()).contains("Image \"" + workload + "\": loaded into");

                // From this side, through the kubeconfig: its server and the API server certificate's SAN must be
                // the engine's address for this client to connect at all.
                try (KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(kubeconfigText)).build()) {
                    assertThat(client.nodes().list().getItems()).hasSize(2);
                    serve(client, workload);
                }
                assertThat(get("http://" + engineAddress + ":" + NODE_PORT + "/", Duration.ofMinutes(2)))
                        .isEqualTo(MESSAGE);
                if (imageStore.equals("classic")) {
                    logsAndRestartWork(engine, cluster, kubeconfigText, dir);
                    comesBackByItselfAfterTheEngineRestarts(engine, cluster, kubeconfigText);
                }
            } finally {
                kindj(engine, ProcessRun.DEFAULT_TIMEOUT, "delete", "cluster", "--name", cluster).outOrFail();
            }
            assertThat(docker(engine, "ps", "-aq")).isBlank();
            assertThat(docker(engine, "volume", "ls", "-q")).isBlank();
            assertThat(docker(engine, "network", "ls", "--format", "{{.Name}}")).doesNotContain("kindj-" + cluster);
            System.out.printf("RemoteEngineIT %s: engine and images %ds, create %ds, the rest %ds%n", imageStore,
                    Duration.between(started, imagesReady).toSeconds(), Duration.between(imagesReady, created).toSeconds(),
                    Duration.between(created, Instant.now()).toSeconds());
        } finally {
            run(List.of(ENGINE.toString(), "stop"), Map.of(), ENGINE_TIMEOUT).outOrFail();
        }
    }

    /** Logs come over the remote API, and the kubeconfig's address and port survive a stop and start. */
    private static void logsAndRestartWork(Map<String, String> engine, String cluster, String kubeconfig, Path dir) {
        Path logs = dir.resolve("logs");
        kindj(engine, ProcessRun.DEFAULT_TIMEOUT, "export", "logs", logs.toString(), "--name", cluster).outOrFail();
        assertThat(logs.resolve(cluster + "-control-plane")).isDirectory();
        kindj(engine, ProcessRun.DEFAULT_TIMEOUT, "stop", "cluster", "--name", cluster).outOrFail();
        kindj(engine, ProcessRun.DEFAULT_TIMEOUT, "start", "cluster", "--name", cluster).outOrFail();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .build()) {
            assertThat(client.nodes().list().getItems()).hasSize(2);
        }
    }

    /**
     * Issue 17's engine restart: the engine stopped (SIGTERM, which stops every container) and started again, as a
     * host's `systemctl restart docker` does. The nodes' restart policy (unless-stopped) starts them again and they boot
     * as after a `docker restart`: with no kindj command, the nodes are Ready, the Deployment serves on the NodePort, and
     * a ConfigMap and a claim's file are as written.
     */
    private static void comesBackByItselfAfterTheEngineRestarts(Map<String, String> engine, String cluster,
            String kubeconfig) throws InterruptedException {
        run(List.of(ROOT.resolve("scripts/build-test-images.sh").toString(), "busybox"), Map.of(),
                IMAGE_COPY_TIMEOUT).outOrFail();
        copyToEngine(engine, BUSYBOX_IMAGE);
        kindj(engine, ProcessRun.DEFAULT_TIMEOUT, "load", "docker-image", BUSYBOX_IMAGE, "--name", cluster)
                .outOrFail();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .build()) {
            writeStateToKeep(client);
            Instant restarted = Instant.now();
            run(List.of(ENGINE.toString(), "restart"), Map.of(), ENGINE_TIMEOUT).outOrFail();
            Instant engineBack = Instant.now();
            Instant deadline = restarted.plus(BACK_WITHIN);
            awaitStateKept(client, deadline);
            Instant nodesAndData = Instant.now();
            assertThat(get("http://" + URI.create(engine.get("DOCKER_HOST")).getHost() + ":" + NODE_PORT + "/",
                    Duration.between(Instant.now(), deadline))).isEqualTo(MESSAGE);
            LOG.info("measured: engine restart took {} s; nodes Ready, the claim's file and the ConfigMap back {} s, "
                    + "the NodePort serving {} s after it began", seconds(restarted, engineBack),
                    seconds(restarted, nodesAndData), seconds(restarted, Instant.now()));
        }
    }

    /** A ConfigMap, and a claim whose pod writes a file to it at its first start and prints it at every later one. */
    private static void writeStateToKeep(KubernetesClient client) {
        client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(DATA).endMetadata().addToData("kept", KEPT).build()).create();
        client.persistentVolumeClaims().inNamespace("default").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(DATA).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("16Mi")).endResources().endSpec().build())
                .create();
        client.pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(DATA).endMetadata()
                .withNewSpec().addNewContainer().withName(DATA).withImage(BUSYBOX_IMAGE).withImagePullPolicy("Never")
                .withCommand("sh", "-c", "cat /data/file 2>/dev/null || echo " + KEPT + " > /data/file; exec sleep 1d")
                .addNewVolumeMount().withName(DATA).withMountPath("/data").endVolumeMount().endContainer()
                .addNewVolume().withName(DATA).withNewPersistentVolumeClaim().withClaimName(DATA)
                .endPersistentVolumeClaim().endVolume().endSpec().build()).create();
        client.pods().inNamespace("default").withName(DATA).waitUntilReady(2, TimeUnit.MINUTES);
        assertThat(client.pods().inNamespace("default").withName(DATA).getLog()).as("a fresh claim").isBlank();
    }

    /**
     * Both nodes Ready, and the data pod started again (its container restarted with its node) and printed the file it
     * wrote before the engine restarted.
     */
    private static void awaitStateKept(KubernetesClient client, Instant deadline) throws InterruptedException {
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                long ready = client.nodes().list().getItems().stream().filter(node -> node.getStatus().getConditions()
                        .stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"))).count();
                Pod pod = client.pods().inNamespace("default").withName(DATA).get();
                String log = Readiness.isPodReady(pod) && restarts(pod) > 0
                        ? client.pods().inNamespace("default").withName(DATA).getLog().strip() : "";
                if (ready == 2 && log.equals(KEPT)) {
                    assertThat(client.configMaps().inNamespace("default").withName(DATA).get().getData())
                            .isEqualTo(Map.of("kept", KEPT));
                    return;
                }
                last = ready + " nodes Ready, data pod restarts " + restarts(pod) + ", its log: " + log;
            } catch (KubernetesClientException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the cluster was not back within " + BACK_WITHIN + " of the engine restart: " + last);
    }

    private static int restarts(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream().mapToInt(ContainerStatus::getRestartCount).sum();
    }

    /** DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH of the second engine, as its script prints them. */
    private static Map<String, String> engineEnvironment() {
        String exports = run(List.of(ENGINE.toString(), "env"), Map.of(), ENGINE_TIMEOUT).outOrFail().strip();
        Map<String, String> environment = new HashMap<>();
        Arrays.stream(exports.replaceFirst("^export ", "").split(" ")).map(pair -> pair.split("=", 2))
                .forEach(pair -> environment.put(pair[0], pair[1]));
        assertThat(environment).containsKeys("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH");
        return environment;
    }

    /** The image from this machine's engine, unless the second engine has it from an earlier run (its data root). */
    private static void copyToEngine(Map<String, String> engine, String image) {
        if (run(List.of("docker", "image", "inspect", image), engine, ProcessRun.DEFAULT_TIMEOUT).exitCode() == 0) {
            return;
        }
        run(List.of("bash", "-c", "docker save \"$1\" | " + engineEnvPrefix(engine) + " docker load", "copy", image),
                Map.of(), IMAGE_COPY_TIMEOUT).outOrFail();
    }

    private static void loadPartialMultiPlatformImage(Map<String, String> engine, Path dir) throws IOException {
        Path saved = Files.createDirectories(dir.resolve("saved"));
        Path layout = Files.createDirectories(dir.resolve("layout"));
        run(List.of("bash", "-c", "docker save \"$1\" | tar -x -C \"$2\"", "save", APP_IMAGE, saved.toString()),
                Map.of(), ProcessRun.DEFAULT_TIMEOUT).outOrFail();
        PartialMultiPlatformImage.write(saved, layout, "docker.io/" + MULTI_PLATFORM_IMAGE, "arm64");
        run(List.of("bash", "-c", "tar -C \"$1\" -c . | docker load", "load", layout.toString()), engine,
                ProcessRun.DEFAULT_TIMEOUT).outOrFail();
        assertThat(docker(engine, "image", "inspect", "-f", "{{.Descriptor.mediaType}}", MULTI_PLATFORM_IMAGE).strip())
                .isEqualTo("application/vnd.oci.image.index.v1+json");
    }

    /** One replica of the workload image serving {@link #MESSAGE}, behind a NodePort Service. */
    private static void serve(KubernetesClient client, String image) {
        Map<String, String> labels = Map.of("app", "remote-web");
        client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName("remote-web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).withImagePullPolicy("Never")
                .withArgs("serve", "8080", MESSAGE).endContainer().endSpec().endTemplate().endSpec().build())
                .create();
        client.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("remote-web").endMetadata()
                .withNewSpec().withType("NodePort").withSelector(labels).addNewPort().withPort(80)
                .withTargetPort(new IntOrString(8080)).withNodePort(NODE_PORT).endPort().endSpec().build())
                .create();
        client.apps().deployments().inNamespace("default").withName("remote-web")
                .waitUntilReady(2, TimeUnit.MINUTES);
    }

    /** The body of the first 200 answer, retried until the timeout: the Service's rules take a moment. */
    private static String get(String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body().strip();
                }
                last = "status " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("GET " + url + " did not answer 200 within " + timeout + ": " + last);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String engineEnvPrefix(Map<String, String> engine) {
        StringBuilder prefix = new StringBuilder("env");
        engine.forEach((key, value) -> prefix.append(' ').append(key).append("='").append(value).append('\''));
        return prefix.toString();
    }

    private static String docker(Map<String, String> engine, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(args));
        return run(command, engine, ProcessRun.DEFAULT_TIMEOUT).outOrFail();
    }

    private static ProcessRun kindj(Map<String, String> engine, Duration timeout, String... args) {
        return ProcessRun.kindj(engine, timeout, args);
    }

    private static ProcessRun run(List<String> command, Map<String, String> environment, Duration timeout) {
        return ProcessRun.of(command, environment, null, timeout);
    }
}
