package dev.kindj.internal.provision;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.bootstrap.ClusterCreator;
import dev.kindj.internal.provision.bootstrap.CreatedCluster;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
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
        String name = "d2-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 4);
        DockerNodeProvider provider = DockerNodeProvider.connect();
        try {
            ClusterConfig config = ClusterConfig.builder().withName(name).withNetworking(networking)
                    .withControlPlanes(controlPlanes).withWorkers(workers).build();
            return new TestCluster(provider, ClusterCreator.forConfig(config, provider)
                    .withImage(TestImages.node(provider.docker()))
                    .withWaitForReady(Duration.ofMinutes(3))
                    .create());
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
