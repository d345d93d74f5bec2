package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.internal.provision.TestDocker;
import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real HA cluster, 3 control planes with stacked etcd and 1 worker behind the load balancer, then what happens
 * when a control plane or the load balancer stops. The tests run in order: the later ones stop and start containers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaClusterIT {

    private static final String NAME = "ha-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String FIRST = NAME + "-control-plane";
    private static final String SECOND = NAME + "-control-plane2";
    private static final String LOAD_BALANCER = NAME + "-external-load-balancer";
    /** How long reads and writes may fail after a control plane stops: health checks take it out within 2 s. */
    private static final Duration FAILOVER = Duration.ofSeconds(15);
    /** A controller-manager and scheduler on another control plane take over once the stopped one's leases expire. */
    private static final Duration TAKEOVER = Duration.ofMinutes(2);

    private static DockerNodeProvider provider;
    private static CreatedCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void createCluster() throws Exception {
        provider = DockerNodeProvider.connect();
        ClusterConfig config = ClusterConfig.builder().withName(NAME).withControlPlanes(3).withWorkers(1).build();
        cluster = ClusterCreator.forConfig(config, provider)
                .withImage(TestImages.node())
                .withLoadBalancerImage(TestImages.loadBalancer())
                .withWaitForReady(Duration.ofMinutes(3))
                .create();
        Config clientConfig = Config.fromKubeconfig(cluster.kubeconfig());
        // Each call fails fast instead of retrying, so the outage tests see what a client sees.
        clientConfig.setConnectionTimeout(2_000);
        clientConfig.setRequestTimeout(5_000);
        clientConfig.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(clientConfig).build();
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
    @Order(1)
    void everyNodeIsReadyAndTheApiIsPublishedByTheLoadBalancer() {
        assertThat(client.nodes().list().getItems()).extracting(node -> node.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(cluster.plan().nodes().stream().map(PlannedNode::name).toList());
        assertThat(client.nodes().list().getItems()).allSatisfy(node -> assertThat(node.getStatus().getConditions())
                .anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Ready");
                    assertThat(condition.getStatus()).isEqualTo("True");
                }));
        assertThat(provider.listNodes(NAME)).filteredOn(node -> node.role() == NodeRole.LOAD_BALANCER)
                .singleElement().satisfies(node -> {
                    assertThat(node.name()).isEqualTo(LOAD_BALANCER);
                    assertThat(node.isRunning()).isTrue();
                });
        int published = provider.publishedPorts(LOAD_BALANCER).get(ClusterPlan.API_SERVER_PORT);
        assertThat(cluster.apiServerUrl()).isEqualTo("https://127.0.0.1:" + published);
    }

    @Test
    @Order(2)
    void etcdHasOneStartedHealthyMemberPerControlPlane() {
        List<String> members = Etcdctl.run(provider, FIRST, "member", "list").orThrow(FIRST).stdout().lines().toList();
        assertThat(members).as("etcdctl member list").hasSize(3).allSatisfy(member -> assertThat(member).contains(", started, "));
        assertThat(members).extracting(member -> member.split(", ")[2])
                .containsExactlyInAnyOrderElementsOf(controlPlaneNames());
        assertThat(healthyEtcdMembers(FIRST)).isEqualTo(3);
    }

    @Test
    @Order(3)
    void everyControlPlaneHasItsOwnApiServer() {
        for (PlannedNode controlPlane : cluster.plan().controlPlanes()) {
            ExecResult readyz = provider.exec(controlPlane.name(), "kubectl", "--kubeconfig=/etc/kubernetes/admin.conf",
                    "--server=https://" + controlPlane.ip() + ":" + ClusterPlan.API_SERVER_PORT, "get", "--raw=/readyz");
            assertThat(readyz.stdout().strip()).as("%s: %s", controlPlane.name(), readyz.stderr()).isEqualTo("ok");
        }
    }

    @Test
    @Order(4)
    void readsWritesAndScalingGoOnWhileAControlPlaneIsStopped() {
        Deployment web = client.apps().deployments().inNamespace("default").resource(deployment("web")).create();
        client.apps().deployments().inNamespace("default").withName("web").waitUntilReady(2, TimeUnit.MINUTES);

        TestDocker.client().stopContainerCmd(FIRST).withTimeout(10).exec();
        AtomicInteger writes = new AtomicInteger();
        String[] lastError = {"none"};
        await("reads and writes through the load balancer with " + FIRST + " stopped", FAILOVER, () -> {
            try {
                client.namespaces().list();
                client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                        .withNewMetadata().withName("write-" + writes.incrementAndGet()).endMetadata().build()).create();
                return true;
            } catch (KubernetesClientException e) {
                lastError[0] = e.getMessage();
                return false;
            }
        }, () -> lastError[0]);

        client.apps().deployments().inNamespace("default").withName(web.getMetadata().getName()).scale(3);
        await("the Deployment scaled during the outage to have 3 ready pods", TAKEOVER, () -> {
            Integer ready = client.apps().deployments().inNamespace("default").withName("web").get().getStatus().getReadyReplicas();
            return ready != null && ready == 3;
        }, () -> client.pods().inNamespace("default").list().getItems().stream()
                .map(pod -> pod.getMetadata().getName() + "=" + pod.getStatus().getPhase())
                .collect(Collectors.joining(", ")));
    }

    @Test
    @Order(5)
    void aStoppedControlPlaneRejoinsWhenStartedAgain() {
        TestDocker.client().startContainerCmd(FIRST).exec();
        await("etcd to have 3 healthy members again", Duration.ofSeconds(90), () -> healthyEtcdMembers(SECOND) == 3,
                () -> Etcdctl.run(provider, SECOND, "endpoint", "health", "--cluster").stderr());
        await("the API server on " + FIRST + " to be ready", Duration.ofSeconds(60),
                () -> provider.exec(FIRST, "kubectl", "--kubeconfig=/etc/kubernetes/admin.conf",
                        "--server=https://" + cluster.plan().firstControlPlane().ip() + ":6443", "get", "--raw=/readyz")
                        .stdout().strip().equals("ok"),
                () -> NodeServices.journal(provider, FIRST, "kube-apiserver"));
    }

    @Test
    @Order(6)
    void withoutTheLoadBalancerClientsCannotConnectAndOnceItIsBackTheApiAnswers() {
        int port = provider.publishedPorts(LOAD_BALANCER).get(ClusterPlan.API_SERVER_PORT);
        TestDocker.client().stopContainerCmd(LOAD_BALANCER).withTimeout(10).exec();

        assertThatThrownBy(() -> client.namespaces().list())
                .isInstanceOf(KubernetesClientException.class)
                .hasRootCauseInstanceOf(ConnectException.class);

        TestDocker.client().startContainerCmd(LOAD_BALANCER).exec();
        String[] lastError = {"none"};
        await("the API to answer through the restarted load balancer", Duration.ofSeconds(30), () -> {
            try {
                return !client.nodes().list().getItems().isEmpty();
            } catch (KubernetesClientException e) {
                lastError[0] = e.getMessage();
                return false;
            }
        }, () -> lastError[0]);
        assertThat(provider.publishedPorts(LOAD_BALANCER).get(ClusterPlan.API_SERVER_PORT))
                .as("the host port, which the exported kubeconfig names").isEqualTo(port);
    }

    private static int healthyEtcdMembers(String controlPlane) {
        ExecResult health = Etcdctl.run(provider, controlPlane, "endpoint", "health", "--cluster");
        return (int) health.stdout().lines().filter(line -> line.contains(" is healthy")).count();
    }

    private static List<String> controlPlaneNames() {
        return cluster.plan().controlPlanes().stream().map(PlannedNode::name).toList();
    }

    /** A bounded wait whose failure also names every container's state. */
    private static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastState) {
        Waits.until(what, timeout, condition, () -> lastState.get() + "; containers: " + containerStates());
    }

    private static Map<String, String> containerStates() {
        return provider.listNodes(NAME).stream().collect(Collectors.toMap(Node::name, Node::state));
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec()
                .addNewContainer().withName(name).withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "x").endContainer()
                .endSpec().endTemplate().endSpec()
                .build();
    }
}
