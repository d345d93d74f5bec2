package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.NodeConfig;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.kubeconfig.ClusterKubeconfig;
import dev.kindj.internal.provision.kubeconfig.Kubeconfig;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.plan.PlannedNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * One real 1 control-plane + 2 worker cluster shared by the networking, API and security tests:
 * pod network across nodes, DNS, Services, NodePort through extraPortMappings, logs and exec,
 * ServiceAccount tokens, the Node authorizer, self-healing, and the host's sysctls.
 */
class ClusterIT {

    private static final String NAME = "it-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String WORKER = NAME + "-worker";
    private static final String WORKER2 = NAME + "-worker2";
    private static final int NODE_PORT = 30080;
    /** Host-global sysctls the kubelet writes at start; they must stay the host's own. */
    static final List<String> HOST_SYSCTLS = List.of("kernel/panic", "kernel/panic_on_oops",
            "vm/overcommit_memory", "vm/panic_on_oom", "kernel/keys/root_maxkeys", "kernel/keys/root_maxbytes");

    private static DockerNodeProvider provider;
    private static CreatedCluster cluster;
    private static KubernetesClient client;
    private static Map<String, String> hostSysctlsBefore;

    @BeforeAll
    static void createCluster() throws Exception {
        hostSysctlsBefore = hostSysctls();
        provider = DockerNodeProvider.connect();
        ClusterConfig config = ClusterConfig.builder().withName(NAME)
                .withNode(NodeConfig.controlPlane())
                .withNode(NodeConfig.worker().withLabel("tier", "web")
                        .withExtraPortMapping(new PortMapping(NODE_PORT, 0, "127.0.0.1", PortProtocol.TCP)))
                .withNode(NodeConfig.worker())
                .build();
        cluster = ClusterCreator.forConfig(config, provider)
                .withImage(TestImages.node())
                .withWaitForReady(Duration.ofMinutes(3))
                .create();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(cluster.kubeconfig())).build();
        new ImageLoader(provider).load(TestImages.app(), cluster.plan().nodes().stream().map(PlannedNode::name).toList());
        startWebServer();
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

    /** A web server pinned to the first worker, behind a NodePort Service. */
    private static void startWebServer() {
        client.pods().inNamespace("default").resource(pod("web", WORKER, "serve", "8080", "hello-from-kindj")
                .editMetadata().addToLabels("app", "web").endMetadata().build()).create();
        client.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withType("NodePort").addToSelector("app", "web")
                .addNewPort().withPort(80).withNewTargetPort(8080).withNodePort(NODE_PORT).endPort().endSpec()
                .build()).create();
        client.pods().inNamespace("default").withName("web").waitUntilReady(2, TimeUnit.MINUTES);
    }

    @Test
    void threeNodesAreReadyWithTheirPlannedPodRangesAndLabels() {
        assertThat(client.nodes().list().getItems()).hasSize(3);
        for (PlannedNode planned : cluster.plan().nodes()) {
            Node node = client.nodes().withName(planned.name()).get();
            assertThat(node.getSpec().getPodCIDR()).isEqualTo(planned.podCidr().toString());
            assertThat(node.getStatus().getConditions()).anySatisfy(condition -> {
                assertThat(condition.getType()).isEqualTo("Ready");
                assertThat(condition.getStatus()).isEqualTo("True");
            });
            assertThat(node.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.35.4");
        }
        assertThat(client.nodes().withName(WORKER).get().getMetadata().getLabels()).containsEntry("tier", "web");
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
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.35.4");
    }

    @Test
    void theKubeconfigCanBeReadBackFromTheNodes() {
        String forHost = ClusterKubeconfig.read(provider, NAME, false);
        try (KubernetesClient again = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(forHost)).build()) {
            assertThat(again.nodes().list().getItems()).hasSize(3);
        }
        assertThat(Kubeconfig.parse(forHost).server()).isEqualTo(cluster.apiServerUrl());
        assertThat(Kubeconfig.parse(ClusterKubeconfig.read(provider, NAME, true)).server())
                .isEqualTo("https://" + cluster.plan().firstControlPlane().ip() + ":6443");
    }

    @Test
    void aPodOnAnotherWorkerReachesTheServiceByDnsName() {
        Pod finished = runToCompletion(pod("dns-client", WORKER2, "get", "http://web.default.svc.cluster.local", "90"));
        String log = client.pods().inNamespace("default").withName("dns-client").getLog();
        assertThat(finished.getStatus().getPhase()).as("client log: %s", log).isEqualTo("Succeeded");
        assertThat(log).contains("hello-from-kindj");
    }

    @Test
    void podToPodHttpCrossesNodes() {
        String webIp = client.pods().inNamespace("default").withName("web").get().getStatus().getPodIP();
        Pod finished = runToCompletion(pod("pod-client", WORKER2, "get", "http://" + webIp + ":8080", "60"));
        String log = client.pods().inNamespace("default").withName("pod-client").getLog();
        assertThat(finished.getStatus().getPhase()).as("client log: %s", log).isEqualTo("Succeeded");
        assertThat(log).contains("hello-from-kindj");
    }

    @Test
    void nodePortAnswersOnTheHostThroughExtraPortMappings() throws Exception {
        int hostPort = provider.publishedPorts(WORKER).get(NODE_PORT);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        String[] body = {""};
        Waits.until("the NodePort on 127.0.0.1:" + hostPort, Duration.ofSeconds(60), () -> {
            try {
                body[0] = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                return body[0].contains("hello-from-kindj");
            } catch (IOException e) {
                body[0] = e.toString();
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, () -> body[0]);
    }

    @Test
    void execThroughTheApiReachesTheKubelet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch exec = client.pods().inNamespace("default").withName("web")
                .writingOutput(out).writingError(err).exec("/testapp", "get", "http://127.0.0.1:8080", "10")) {
            assertThat(exec.exitCode().get(60, TimeUnit.SECONDS)).as("stderr: %s", err).isZero();
        }
        assertThat(out.toString()).contains("hello-from-kindj");
    }

    @Test
    void aServiceAccountTokenWorksFromInsideAPod() {
        client.rbac().roleBindings().inNamespace("default").resource(new RoleBindingBuilder()
                .withNewMetadata().withName("default-view").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("view").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("default").withNamespace("default").endSubject()
                .build()).create();
        Pod finished = runToCompletion(pod("api-client", WORKER2, "api", "/api/v1/namespaces/default/pods", "60"));
        String log = client.pods().inNamespace("default").withName("api-client").getLog();
        assertThat(finished.getStatus().getPhase()).as("client log: %s", log).isEqualTo("Succeeded");
        assertThat(log).contains("\"kind\":\"PodList\"").contains("\"name\":\"web\"");
    }

    @Test
    void aKubeletCannotModifyAnotherNode() {
        ExecResult own = provider.exec(WORKER, "kubectl", "--kubeconfig=/etc/kubernetes/kubelet.conf",
                "get", "node", WORKER);
        assertThat(own.exitCode()).as(own.stderr()).isZero();
        ExecResult other = provider.exec(WORKER, "kubectl", "--kubeconfig=/etc/kubernetes/kubelet.conf",
                "label", "node", WORKER2, "hijacked=true");
        assertThat(other.exitCode()).isNotZero();
        assertThat(other.stderr()).contains("Forbidden");
        assertThat(client.nodes().withName(WORKER2).get().getMetadata().getLabels()).doesNotContainKey("hijacked");
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
    void hostSysctlsAreUntouchedWhileTheKubeletsKeepTheirOwn() throws IOException {
        assertThat(hostSysctls()).isEqualTo(hostSysctlsBefore);
        assertThat(provider.exec(WORKER, "cat", "/proc/sys/kernel/panic").stdout().strip()).isEqualTo("10");
    }

    private static Pod runToCompletion(PodBuilder pod) {
        Pod created = client.pods().inNamespace("default")
                .resource(pod.editSpec().withRestartPolicy("Never").endSpec().build()).create();
        return client.pods().inNamespace("default").withName(created.getMetadata().getName())
                .waitUntilCondition(p -> p != null && List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
                        3, TimeUnit.MINUTES);
    }

    static PodBuilder pod(String name, String node, String... arguments) {
        return new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                .addToNodeSelector("kubernetes.io/hostname", node)
                .addNewToleration().withOperator("Exists").endToleration()
                .addNewContainer().withName(name).withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs(arguments).endContainer()
                .endSpec();
    }

    static Map<String, String> hostSysctls() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : HOST_SYSCTLS) {
            values.put(key, Files.readString(Path.of("/proc/sys", key)).strip());
        }
        return values;
    }
}
