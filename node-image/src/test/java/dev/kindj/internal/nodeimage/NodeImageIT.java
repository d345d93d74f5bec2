package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.bootstrap.Waits;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real node image: built or reused, then started through the provider and checked inside. */
class NodeImageIT {

    private static final String CLUSTER = "img-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String NODE = CLUSTER + "-control-plane";
    private static DockerNodeProvider provider;
    private static String image;

    @BeforeAll
    static void startNode() {
        image = NodeImageBuilder.forDefaultVersion().withProgress(System.out::println).ensure();
        provider = DockerNodeProvider.connect();
        String subnet = provider.createNetwork(CLUSTER);
        provider.createNode(new NodeSpec(NODE, CLUSTER, NodeRole.CONTROL_PLANE, image, Ipv4Cidr.of(subnet).address(10),
                List.of(), List.of(), Map.of()));
        Waits.until("systemd to boot on " + NODE, Duration.ofSeconds(60),
                () -> provider.exec(NODE, "systemctl", "is-system-running", "--wait").stdout().strip().equals("running"),
                () -> provider.exec(NODE, "systemctl", "--failed", "--no-pager").stdout());
    }

    @AfterAll
    static void deleteNode() {
        if (provider != null) {
            provider.deleteCluster(CLUSTER);
            provider.close();
        }
    }

    @Test
    void componentsReportThePinnedKubernetesVersion() {
        String version = NodeImage.DEFAULT_KUBERNETES_VERSION;
        for (String component : List.of("kubelet", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
            assertThat(provider.exec(NODE, component, "--version").stdout()).as(component).contains(version);
        }
        assertThat(provider.exec(NODE, "kubectl", "version", "--client").stdout()).contains(version);
    }

    @Test
    void containerdAnswersWithTheImagesPreloadedAndPinned() {
        assertThat(provider.exec(NODE, "ctr", "version").exitCode()).isZero();
        String images = provider.exec(NODE, "ctr", "--namespace=k8s.io", "images", "ls").stdout();
        assertThat(images.lines().filter(line -> line.contains("io.cri-containerd.pinned=pinned")))
                .anySatisfy(line -> assertThat(line).startsWith("registry.k8s.io/pause:3.10.1 "))
                .anySatisfy(line -> assertThat(line).startsWith("registry.k8s.io/coredns/coredns:v1.13.1 "));
    }

    /** The recipe's own checks: systemd, etcd health, nested containers, sysctl shadowing, DNS, restart. */
    @Test
    void recipeVerificationPasses() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir"), "recipe", "verify.sh");
        Path output = Files.createTempFile("kindj-verify", ".log");
        try {
            Process verify = new ProcessBuilder("bash", script.toString(), image)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            int exitCode = verify.waitFor();
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exitCode).as("verify.sh output:%n%s", log).isZero();
            assertThat(log).containsPattern("(?m)^[1-9][0-9]* passed, 0 failed$");
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
