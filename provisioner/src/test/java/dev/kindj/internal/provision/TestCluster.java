package dev.kindj.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.bootstrap.ClusterCreator;
import dev.kindj.internal.provision.bootstrap.CreatedCluster;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real cluster for one test class of the day-2 operations, named d2-PURPOSE-RANDOM; deleted on close. Its
 * {@link #describe()} goes into failure messages: every container's state and the API's view of the nodes.
 */
public final class TestCluster implements AutoCloseable {

    private final DockerNodeProvider provider;
    private final CreatedCluster created;
    private final KubernetesClient client;

    private TestCluster(DockerNodeProvider provider, CreatedCluster created) {
        this.provider = provider;
        this.created = created;
        this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(created.kubeconfig())).build();
    }

    public static TestCluster create(String purpose, int controlPlanes, int workers) {
        return create(purpose, controlPlanes, workers, Networking.defaults());
    }

    public static TestCluster create(String purpose, int controlPlanes, int workers, Networking networking) {
        return create(purpose, ClusterConfig.builder().withNetworking(networking)
                .withControlPlanes(controlPlanes).withWorkers(workers));
    }

    /** A cluster of the builder's nodes and settings; the name is chosen here. */
    public static TestCluster create(String purpose, ClusterConfig.Builder nodes) {
        String name = "d2-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 4);
        DockerNodeProvider provider = DockerNodeProvider.connect();
        try {
            ClusterConfig config = nodes.withName(name).build();
            ClusterCreator creator = ClusterCreator.forConfig(config, provider)
                    .withImage(TestImages.node())
                    .withWaitForReady(Duration.ofMinutes(3));
            if (config.controlPlanes().size() > 1) {
                creator.withLoadBalancerImage(TestImages.loadBalancer());
            }
            return new TestCluster(provider, creator.create());
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
    }

    public String name() {
        return created.name();
    }

    public DockerNodeProvider provider() {
        return provider;
    }

    public CreatedCluster created() {
        return created;
    }

    /** A client through the kubeconfig exported at creation. */
    public KubernetesClient client() {
        return client;
    }

    public String controlPlane() {
        return name() + "-control-plane";
    }

    public String worker(int ordinal) {
        return name() + "-worker" + (ordinal == 1 ? "" : Integer.toString(ordinal));
    }

    /** kubectl as the cluster admin, run on the first control plane. */
    public ExecResult kubectl(String... arguments) {
        return new AdminKubectl(provider, controlPlane()).run(arguments);
    }

    /** The containers' states and, when the API answers, `kubectl get nodes` and the pods that are not running. */
    public String describe() {
        String containers = provider.listNodes(name()).stream()
                .map(node -> node.name() + " " + node.state()).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("containers: ").append(containers);
        try {
            text.append("\nnodes:\n").append(kubectl("get", "nodes", "-o", "wide").stdout())
                    .append("pods:\n").append(kubectl("get", "pods", "-A", "-o", "wide").stdout());
        } catch (RuntimeException e) {
            text.append("\n(the API did not answer: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    /** A Deployment "web" of the test app answering {@code message}, behind a Service "web" on port 80. */
    public void deployWeb(String message, int replicas) {
        Map<String, String> labels = Map.of("app", "web");
        client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", message).endContainer().endSpec().endTemplate().endSpec().build()).create();
        client.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withSelector(labels).addNewPort().withPort(80).withTargetPort(new IntOrString(8080))
                .endPort().endSpec().build()).create();
    }

    /**
     * Waits until {@code count} pods labelled app=APP are ready, each in a container started after {@code since}: the
     * pods came back, not the status they had before.
     */
    public void awaitPodsRunningSince(String app, int count, Instant since, Duration timeout) {
        Waits.until(count + " " + app + " pods to run since " + since, timeout, () -> {
            List<Pod> pods = client.pods().inNamespace("default").withLabel("app", app).list().getItems();
            return pods.size() == count && pods.stream().allMatch(pod -> runningReadySince(pod, since));
        }, this::describe);
    }

    /** A pod not started yet has no container statuses, which must not count as all of them ready. */
    private static boolean runningReadySince(Pod pod, Instant since) {
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return !statuses.isEmpty() && statuses.stream().allMatch(status -> Boolean.TRUE.equals(status.getReady())
                && status.getState().getRunning() != null
                && !Instant.parse(status.getState().getRunning().getStartedAt()).isBefore(since.minusSeconds(1)));
    }

    /**
     * A new pod on {@code node} fetches {@code url} with the test app, retrying for up to 60 s.
     *
     * @return the pod's log, once it succeeded
     */
    public String fetchFromNewPod(String podName, String node, String url) {
        client.pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(podName).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withNodeName(node)
                .addNewContainer().withName("client").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("get", url, "60").endContainer().endSpec().build()).create();
        Waits.until("client pod " + podName + " to finish", Duration.ofSeconds(90), () -> {
            Pod pod = client.pods().inNamespace("default").withName(podName).get();
            return pod != null && List.of("Succeeded", "Failed").contains(pod.getStatus().getPhase());
        }, this::describe);
        String log = client.pods().inNamespace("default").withName(podName).getLog();
        assertThat(client.pods().inNamespace("default").withName(podName).get().getStatus().getPhase())
                .as("client pod %s, log: %s", podName, log).isEqualTo("Succeeded");
        return log;
    }

    public List<String> nodeNames() {
        return provider.listNodes(name()).stream().map(Node::name).toList();
    }

    @Override
    public void close() {
        client.close();
        provider.deleteCluster(name());
        provider.close();
    }
}
