package dev.kindj.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.provision.TestImages;
import dev.kindj.provision.docker.DockerNodeProvider;
import dev.kindj.provision.images.ImageLoader;
import dev.kindj.provision.plan.PlannedNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real 1 control-plane + 1 worker cluster: nodes, pod network, DNS, Services, logs, restarts. */
class ClusterIT {

    private static final String NAME = "it-" + UUID.randomUUID().toString().substring(0, 6);
    /** Host-global sysctls the kubelet writes at start; they must stay the host's own. */
    private static final List<String> HOST_SYSCTLS = List.of("kernel/panic", "kernel/panic_on_oops",
            "vm/overcommit_memory", "vm/panic_on_oom", "kernel/keys/root_maxkeys", "kernel/keys/root_maxbytes");
    private static final String APP = TestImages.APP;

    private static DockerNodeProvider provider;
    private static CreatedCluster cluster;
    private static KubernetesClient client;
    private static Map<String, String> hostSysctlsBefore;

    @BeforeAll
    static void createCluster() throws Exception {
        hostSysctlsBefore = hostSysctls();
        provider = DockerNodeProvider.connect();
        ClusterConfig config = ClusterConfig.builder().withName(NAME).withControlPlanes(1).withWorkers(1).build();
        cluster = ClusterCreator.forConfig(config, provider)
                .withImage(TestImages.node(provider.docker()))
                .withWaitForReady(Duration.ofMinutes(3))
                .create();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(cluster.kubeconfig())).build();
        new ImageLoader(provider).load(TestImages.app(), cluster.plan().nodes().stream().map(PlannedNode::name).toList());
    }

    @AfterAll
    static void deleteCluster() {
        if (client != null) {
            client.close();
        }
        if (provider != null) {
            provider.deleteCluster(NAME);
            provider.close();
        }
    }

    @Test
    void everyNodeIsReadyWithItsPlannedPodRange() {
        List<Node> nodes = client.nodes().list().getItems();
        assertThat(nodes).hasSize(2);
        for (PlannedNode planned : cluster.plan().nodes()) {
            Node node = client.nodes().withName(planned.name()).get();
            assertThat(node.getSpec().getPodCIDR()).isEqualTo(planned.podCidr().toString());
            assertThat(node.getStatus().getConditions())
                    .anySatisfy(condition -> {
                        assertThat(condition.getType()).isEqualTo("Ready");
                        assertThat(condition.getStatus()).isEqualTo("True");
                    });
            assertThat(node.getStatus().getNodeInfo().getKubeletVersion()).startsWith("v1.");
        }
    }

    @Test
    void controlPlaneIsLabelledAndTaintedBecauseThereAreWorkers() {
        Node controlPlane = client.nodes().withName(NAME + "-control-plane").get();
        assertThat(controlPlane.getMetadata().getLabels()).containsKey("node-role.kubernetes.io/control-plane");
        assertThat(controlPlane.getSpec().getTaints())
                .anySatisfy(taint -> assertThat(taint.getKey()).isEqualTo("node-role.kubernetes.io/control-plane"));
    }

    @Test
    void apiIsPublishedOnLoopbackOnly() {
        assertThat(cluster.apiServerUrl()).startsWith("https://127.0.0.1:");
        assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.35.");
    }

    @Test
    void podsOnDifferentNodesTalkThroughAServiceFoundByDns() {
        client.pods().inNamespace("default").resource(pod("web", NAME + "-worker", "serve", "8080", "hello-from-kindj")
                .editMetadata().addToLabels("app", "web").endMetadata().build()).create();
        client.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().addToSelector("app", "web")
                .addNewPort().withPort(80).withNewTargetPort(8080).endPort().endSpec().build()).create();
        client.pods().inNamespace("default").resource(pod("client", NAME + "-control-plane",
                "get", "http://web.default.svc.cluster.local", "60")
                .editSpec().withRestartPolicy("Never").endSpec().build()).create();

        Pod finished = client.pods().inNamespace("default").withName("client")
                .waitUntilCondition(p -> p != null && List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
                        3, TimeUnit.MINUTES);
        String log = client.pods().inNamespace("default").withName("client").getLog();
        assertThat(finished.getStatus().getPhase()).as("client pod log: %s", log).isEqualTo("Succeeded");
        assertThat(log).contains("hello-from-kindj");
    }

    @Test
    void killedApiServerComesBack() {
        String node = NAME + "-control-plane";
        provider.exec(node, "pkill", "-9", "-x", "kube-apiserver").orThrow(node);
        Waits.until("kube-apiserver to answer again", Duration.ofSeconds(30),
                () -> provider.exec(node, "kubectl", "--kubeconfig=/etc/kubernetes/admin.conf", "get", "--raw=/readyz").succeeded(),
                () -> provider.exec(node, "systemctl", "status", "kube-apiserver", "--no-pager").stdout());
    }

    @Test
    void hostSysctlsAreUntouched() throws IOException {
        assertThat(hostSysctls()).isEqualTo(hostSysctlsBefore);
        // The kubelet did write its values, inside the node only.
        assertThat(provider.exec(NAME + "-worker", "cat", "/proc/sys/kernel/panic").stdout().strip()).isEqualTo("10");
    }

    private static PodBuilder pod(String name, String node, String... arguments) {
        return new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                .addToNodeSelector("kubernetes.io/hostname", node)
                .addNewToleration().withOperator("Exists").endToleration()
                .addNewContainer().withName(name).withImage(APP).withImagePullPolicy("Never")
                .withArgs(arguments).endContainer()
                .endSpec();
    }

    private static Map<String, String> hostSysctls() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : HOST_SYSCTLS) {
            values.put(key, Files.readString(Path.of("/proc/sys", key)).strip());
        }
        return values;
    }
}
