package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.nodeimage.NodeImage;
import dev.kindj.internal.nodeimage.NodeImageBuilder;
import dev.kindj.internal.nodeimage.PreloadedImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The current recipe's node image (built or reused), started through the provider and checked inside. */
class NodeImageContainerIT {

    private static final String CLUSTER = "img-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String NODE = CLUSTER + "-control-plane";
    private static DockerNodeProvider provider;

    @BeforeAll
    static void startNode() {
        String image = NodeImageBuilder.forDefaultVersion().withProgress(System.out::println).ensure();
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
        List<String> pinned = images.lines().filter(line -> line.contains("io.cri-containerd.pinned=pinned")).toList();
        for (String preloaded : List.of(PreloadedImages.PAUSE, PreloadedImages.COREDNS,
                PreloadedImages.LOCAL_PATH_PROVISIONER, PreloadedImages.LOCAL_PATH_HELPER,
                PreloadedImages.METALLB_CONTROLLER, PreloadedImages.METALLB_SPEAKER)) {
            assertThat(pinned).as(preloaded).anySatisfy(line -> assertThat(line).startsWith(preloaded + " "));
        }
    }
}
