package dev.kindj.internal.provision.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting the logs of a real 1+1 cluster in which a pod prints a private key. */
class ClusterLogsIT {

    private static final String KEY_BLOCK =
            "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIAbcdefSECRET\\n-----END EC PRIVATE KEY-----";

    private static TestCluster cluster;
    @TempDir
    static Path dir;
    private static Path exported;

    @BeforeAll
    static void exportLogsOfAClusterWhosePodLogsAKey() throws Exception {
        cluster = TestCluster.create("logs", 1, 1);
        new ImageLoader(cluster.provider()).load(TestImages.busybox(), List.of(cluster.worker(1)));
        cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName("leaky").endMetadata()
                .withNewSpec().withNodeName(cluster.worker(1)).withRestartPolicy("Never")
                .addNewContainer().withName("leaky").withImage(TestImages.BUSYBOX).withImagePullPolicy("Never")
                .withCommand("sh", "-c", "echo leaky-pod-says-hello; printf '%b\\n' '" + KEY_BLOCK + "'").endContainer()
                .endSpec().build()).create();
        Waits.until("the leaky pod to finish", Duration.ofSeconds(90), () -> {
            Pod pod = cluster.client().pods().inNamespace("default").withName("leaky").get();
            return pod != null && "Succeeded".equals(pod.getStatus().getPhase());
        }, cluster::describe);
        exported = ClusterLogs.export(cluster.provider(), cluster.name(), dir.resolve("logs"));
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyNodeHasItsComponentJournalsAndDockerInspect() {
        for (String unit : List.of("kubelet", "containerd", "etcd", "kube-apiserver", "kube-controller-manager",
                "kube-scheduler", "kube-proxy", "kindj-pod-network")) {
            assertThat(exported.resolve(cluster.controlPlane()).resolve(unit + ".log")).isNotEmptyFile();
        }
        for (String unit : List.of("kubelet", "containerd", "kube-proxy", "kindj-pod-network")) {
            assertThat(exported.resolve(cluster.worker(1)).resolve(unit + ".log")).isNotEmptyFile();
        }
        assertThat(exported.resolve(cluster.controlPlane()).resolve("kube-apiserver.log")).content().contains("Started");
        for (String node : cluster.nodeNames()) {
            assertThat(exported.resolve(node).resolve("docker-inspect.json")).content().contains("\"Name\" : \"/" + node + "\"");
            assertThat(exported.resolve(node).resolve("container-output.log")).isNotEmptyFile();
        }
    }

    @Test
    void podLogsAreCopiedAndTheKubeletLinksResolveInTheCopy() throws IOException {
        Path containers = exported.resolve(cluster.worker(1)).resolve("var/log/containers");
        try (Stream<Path> links = Files.list(containers)) {
            Path leaky = links.filter(link -> link.getFileName().toString().startsWith("leaky_default_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no log of the leaky pod in " + containers));
            assertThat(Files.isSymbolicLink(leaky)).isTrue();
            assertThat(Files.readString(leaky)).contains("leaky-pod-says-hello");
        }
        assertThat(exported.resolve(cluster.controlPlane()).resolve("var/log/pods")).isNotEmptyDirectory();
    }

    @Test
    void clusterEventsAndNodeDescriptionsAreThere() {
        assertThat(exported.resolve("events.txt")).content().contains("Scheduled");
        assertThat(exported.resolve("nodes.txt")).content().contains(cluster.controlPlane()).contains(cluster.worker(1));
        assertThat(exported.resolve(ClusterLogs.PROBLEMS)).doesNotExist();
    }

    @Test
    void noPrivateKeyMaterialOrKubeconfigIsExported() throws IOException {
        try (Stream<Path> files = Files.walk(exported)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).isNotEmpty().noneMatch(file -> file.getFileName().toString().endsWith(".key"))
                    .noneMatch(file -> file.toString().contains("/pki/"));
            for (Path file : regular) {
                String text = read(file);
                assertThat(text).as("content of %s", file).doesNotContain("PRIVATE KEY")
                        .doesNotContain("client-key-data").doesNotContain("MHcCAQEEIAbcdefSECRET");
            }
        }
        Path leakyLog = exported.resolve(cluster.worker(1)).resolve("var/log/pods");
        try (Stream<Path> files = Files.walk(leakyLog)) {
            assertThat(files.filter(Files::isRegularFile).map(ClusterLogsIT::read))
                    .anyMatch(text -> text.contains(PrivateKeys.REMOVED));
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
