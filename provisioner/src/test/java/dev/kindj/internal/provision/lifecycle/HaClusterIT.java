package dev.kindj.internal.provision.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.internal.provision.NodeRefusals;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HA cluster, 3 control planes with stacked etcd and 2 workers behind the load balancer, holding a Deployment
 * behind a Service, a ConfigMap and a claim with data. First what a client sees when a control plane or the load
 * balancer stops; then the whole cluster restarted by Docker all at once, by stop and start, and one node at a time
 * in reverse order: it must each time come back by itself within a minute with etcd whole and nothing lost. The tests
 * run in order, on one cluster (an HA cluster takes the longest to make). Each restart's time is logged
 * ("measured: ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(HaClusterIT.class);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    /** How long reads and writes may fail after a control plane stops: health checks take it out within 2 s. */
    private static final Duration FAILOVER = Duration.ofSeconds(15);
    /** A controller-manager and scheduler on another control plane take over once the stopped one's leases expire. */
    private static final Duration TAKEOVER = Duration.ofMinutes(2);
    private static final String MESSAGE = "served-by-an-ha-cluster";
    private static final String KEPT = "kept-across-restarts";
    private static final String DATA_POD = "data";
    /** The Deployment scaled during an outage. */
    private static final String SCALED = "scaled";

    private static TestCluster cluster;
    private static ClusterPlan plan;
    private static String first;
    private static String second;
    private static String loadBalancer;
    private static KubernetesClient outageClient;
    private static int clients;

    @BeforeAll
    static void createClusterWithStateToKeep() throws Exception {
        cluster = TestCluster.create("ha", 3, 2);
        plan = cluster.created().plan();
        first = plan.firstControlPlane().name();
        second = plan.controlPlanes().get(1).name();
        loadBalancer = plan.apiServerContainer().name();
        Config clientConfig = Config.fromKubeconfig(cluster.created().kubeconfig());
        // Each call fails fast instead of retrying, so the outage tests see what a client sees.
        clientConfig.setConnectionTimeout(2_000);
        clientConfig.setRequestTimeout(5_000);
        clientConfig.setRequestRetryBackoffLimit(0);
        outageClient = new KubernetesClientBuilder().withConfig(clientConfig).build();
        new ImageLoader(cluster.provider()).loadImages(List.of(TestImages.app(), TestImages.busybox()),
                plan.nodes().stream().map(PlannedNode::name).toList());
        cluster.deployWeb(MESSAGE, 2);
        var client = cluster.client();
        client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("settings").endMetadata().addToData("kept", KEPT).build()).create();
        client.persistentVolumeClaims().inNamespace("default").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(DATA_POD).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("16Mi")).endResources().endSpec().build())
                .create();
        client.pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(DATA_POD).addToLabels("app", DATA_POD).endMetadata()
                .withNewSpec().addNewContainer().withName(DATA_POD).withImage(TestImages.BUSYBOX)
                .withImagePullPolicy("Never")
                .addNewVolumeMount().withName(DATA_POD).withMountPath("/data").endVolumeMount().endContainer()
                .addNewVolume().withName(DATA_POD).withNewPersistentVolumeClaim().withClaimName(DATA_POD)
                .endPersistentVolumeClaim().endVolume().endSpec().build()).create();
        cluster.awaitPodsRunningSince(DATA_POD, 1, Instant.EPOCH, Duration.ofMinutes(2));
        cluster.kubectl("exec", DATA_POD, "--", "sh", "-c", "echo " + KEPT + " > /data/file")
                .orThrow(cluster.controlPlane());
        cluster.awaitPodsRunningSince("web", 2, Instant.EPOCH, Duration.ofMinutes(2));
        assertStateKept();
    }

    @AfterAll
    static void deleteCluster() {
        if (outageClient != null) {
            outageClient.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyNodeIsReadyAndTheApiIsPublishedByTheLoadBalancer() {
        assertThat(outageClient.nodes().list().getItems()).extracting(node -> node.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(plan.nodes().stream().map(PlannedNode::name).toList());
        assertThat(outageClient.nodes().list().getItems()).allSatisfy(node -> assertThat(node.getStatus().getConditions())
                .anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Ready");
                    assertThat(condition.getStatus()).isEqualTo("True");
                }));
        assertThat(cluster.provider().listNodes(cluster.name())).filteredOn(node -> node.role() == NodeRole.LOAD_BALANCER)
                .singleElement().satisfies(node -> {
                    assertThat(node.name()).isEqualTo(loadBalancer);
                    assertThat(node.isRunning()).isTrue();
                });
        int published = cluster.provider().publishedPorts(loadBalancer).get(ClusterPlan.API_SERVER_PORT);
        assertThat(cluster.created().apiServerUrl()).isEqualTo("https://127.0.0.1:" + published);
    }

    @Test
    @Order(2)
    void etcdHasOneStartedHealthyMemberPerControlPlane() {
        List<String> members = Etcdctl.run(cluster.provider(), first, "member", "list").orThrow(first).stdout().lines().toList();
        assertThat(members).as("etcdctl member list").hasSize(3).allSatisfy(member -> assertThat(member).contains(", started, "));
        assertThat(members).extracting(member -> member.split(", ")[2])
                .containsExactlyInAnyOrderElementsOf(controlPlaneNames());
        assertThat(healthyEtcdMembers(first)).isEqualTo(3);
    }

    @Test
    @Order(3)
    void everyControlPlaneHasItsOwnApiServer() {
        for (PlannedNode controlPlane : plan.controlPlanes()) {
            ExecResult readyz = cluster.provider().exec(controlPlane.name(), "kubectl", "--kubeconfig=/etc/kubernetes/admin.conf",
                    "--server=https://" + controlPlane.ip() + ":" + ClusterPlan.API_SERVER_PORT, "get", "--raw=/readyz");
            assertThat(readyz.stdout().strip()).as("%s: %s", controlPlane.name(), readyz.stderr()).isEqualTo("ok");
        }
    }

    @Test
    @Order(4)
    void readsWritesAndScalingGoOnWhileAControlPlaneIsStopped() {
        Deployment scaled = outageClient.apps().deployments().inNamespace("default").resource(deployment(SCALED)).create();
        outageClient.apps().deployments().inNamespace("default").withName(SCALED).waitUntilReady(2, TimeUnit.MINUTES);

        TestDocker.client().stopContainerCmd(first).withTimeout(10).exec();
        AtomicInteger writes = new AtomicInteger();
        String[] lastError = {"none"};
        await("reads and writes through the load balancer with " + first + " stopped", FAILOVER, () -> {
            try {
                outageClient.namespaces().list();
                outageClient.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                        .withNewMetadata().withName("write-" + writes.incrementAndGet()).endMetadata().build()).create();
                return true;
            } catch (KubernetesClientException e) {
                lastError[0] = e.getMessage();
                return false;
            }
        }, () -> lastError[0]);

        outageClient.apps().deployments().inNamespace("default").withName(scaled.getMetadata().getName()).scale(3);
        await("the Deployment scaled during the outage to have 3 ready pods", TAKEOVER, () -> {
            Integer ready = outageClient.apps().deployments().inNamespace("default").withName(SCALED).get().getStatus().getReadyReplicas();
            return ready != null && ready == 3;
        }, () -> outageClient.pods().inNamespace("default").list().getItems().stream()
                .map(pod -> pod.getMetadata().getName() + "=" + pod.getStatus().getPhase())
                .collect(Collectors.joining(", ")));
        // the restarts below bring back the workload made before the outage, no more
        cluster.client().apps().deployments().inNamespace("default").withName(SCALED).withTimeout(1, TimeUnit.MINUTES)
                .delete();
    }

    @Test
    @Order(5)
    void aStoppedControlPlaneRejoinsWhenStartedAgain() {
        TestDocker.client().startContainerCmd(first).exec();
        await("etcd to have 3 healthy members again", Duration.ofSeconds(90), () -> healthyEtcdMembers(second) == 3,
                () -> Etcdctl.run(cluster.provider(), second, "endpoint", "health", "--cluster").stderr());
        await("the API server on " + first + " to be ready", Duration.ofSeconds(60),
                () -> cluster.provider().exec(first, "kubectl", "--kubeconfig=/etc/kubernetes/admin.conf",
                        "--server=https://" + plan.firstControlPlane().ip() + ":6443", "get", "--raw=/readyz")
                        .stdout().strip().equals("ok"),
                () -> NodeServices.journal(cluster.provider(), first, "kube-apiserver"));
    }

    @Test
    @Order(6)
    void withoutTheLoadBalancerClientsCannotConnectAndOnceItIsBackTheApiAnswers() {
        int port = cluster.provider().publishedPorts(loadBalancer).get(ClusterPlan.API_SERVER_PORT);
        TestDocker.client().stopContainerCmd(loadBalancer).withTimeout(10).exec();

        assertThatThrownBy(() -> outageClient.namespaces().list())
                .isInstanceOf(KubernetesClientException.class)
                .hasRootCauseInstanceOf(ConnectException.class);

        TestDocker.client().startContainerCmd(loadBalancer).exec();
        String[] lastError = {"none"};
        await("the API to answer through the restarted load balancer", Duration.ofSeconds(30), () -> {
            try {
                return !outageClient.nodes().list().getItems().isEmpty();
            } catch (KubernetesClientException e) {
                lastError[0] = e.getMessage();
                return false;
            }
        }, () -> lastError[0]);
        assertThat(cluster.provider().publishedPorts(loadBalancer).get(ClusterPlan.API_SERVER_PORT))
                .as("the host port, which the exported kubeconfig names").isEqualTo(port);
    }

    @Test
    @Order(7)
    void comesBackWithinAMinuteAfterDockerRestartsEveryContainerAtOnce() {
        Instant restarted = Instant.now();
        Parallel.forEach("restarting every container", cluster.nodeNames(),
                container -> TestDocker.client().restartContainerCmd(container).exec());
        log("docker restart of every container returned", restarted);

        assertBackWithinAMinute(restarted, "docker restart of every container at once");
    }

    @Test
    @Order(8)
    void comesBackWithinAMinuteAfterStopAndStart() {
        ClusterLifecycle.stop(cluster.provider(), cluster.name());
        Instant started = Instant.now();
        ClusterLifecycle.start(cluster.provider(), cluster.name(), BACK_WITHIN);
        log("ClusterLifecycle.start returned (nodes Ready, DNS running)", started);

        assertBackWithinAMinute(started, "stop, then start");
    }

    /** A rolling restart: each container once the one before it is back, the last planned first. */
    @Test
    @Order(9)
    void comesBackAfterTheContainersRestartOneAtATimeInReverseOrder() {
        List<PlannedNode> containers = new ArrayList<>(plan.containers());
        Collections.reverse(containers);
        Instant began = Instant.now();
        for (PlannedNode container : containers) {
            Instant restarted = Instant.now();
            TestDocker.client().restartContainerCmd(container.name()).exec();
            ClusterReadiness.await(cluster.provider(), cluster.name(), BACK_WITHIN);
            log(container.name() + " restarted and every node Ready", restarted);
        }
        awaitBack(began, Instant.now().plus(BACK_WITHIN));
        assertStateKept();
        log("rolling restart of " + containers.size() + " containers, everything back", began);
    }

    private static void assertBackWithinAMinute(Instant since, String after) {
        awaitBack(since, since.plus(BACK_WITHIN));
        assertStateKept();
        Duration took = log("everything back after " + after, since);
        assertThat(took).as("time until everything worked again after %s", after).isLessThanOrEqualTo(BACK_WITHIN);
    }

    /** Every node Ready, etcd with 3 started, healthy members, the pods running in containers since {@code since}. */
    private static void awaitBack(Instant since, Instant deadline) {
        ClusterReadiness.await(cluster.provider(), cluster.name(), left(deadline));
        Waits.until("etcd to have 3 started, healthy members", left(deadline), HaClusterIT::etcdWhole,
                () -> Etcdctl.run(cluster.provider(), cluster.controlPlane(), "endpoint", "health", "--cluster")
                        .toString());
        cluster.awaitPodsRunningSince("web", 2, since, left(deadline));
        cluster.awaitPodsRunningSince(DATA_POD, 1, since, left(deadline));
    }

    /** The Deployment serving through the Service's DNS name, the claim's data, the ConfigMap, the nodes' refusals. */
    private static void assertStateKept() {
        assertThat(cluster.fetchFromNewPod("client-" + ++clients, cluster.worker(2),
                "http://web.default.svc.cluster.local")).contains(MESSAGE);
        assertThat(cluster.kubectl("exec", DATA_POD, "--", "cat", "/data/file").stdout().strip())
                .as("the claim's data").isEqualTo(KEPT);
        assertThat(cluster.client().configMaps().inNamespace("default").withName("settings").get().getData())
                .isEqualTo(Map.of("kept", KEPT));
        for (PlannedNode node : plan.nodes()) {
            NodeRefusals.assertInPlace(cluster.provider(), plan, node.name());
        }
    }

    private static boolean etcdWhole() {
        String members = Etcdctl.run(cluster.provider(), cluster.controlPlane(), "member", "list").stdout();
        String health = Etcdctl.run(cluster.provider(), cluster.controlPlane(), "endpoint", "health", "--cluster")
                .stdout();
        return members.lines().filter(line -> line.contains(", started, ")).count() == 3
                && health.lines().filter(line -> line.contains(" is healthy")).count() == 3;
    }

    private static Duration left(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }

    private static Duration log(String what, Instant since) {
        Duration took = Duration.between(since, Instant.now());
        LOG.info("measured: {} in {} s", what, took.toMillis() / 1000.0);
        return took;
    }

    private static int healthyEtcdMembers(String controlPlane) {
        ExecResult health = Etcdctl.run(cluster.provider(), controlPlane, "endpoint", "health", "--cluster");
        return (int) health.stdout().lines().filter(line -> line.contains(" is healthy")).count();
    }

    private static List<String> controlPlaneNames() {
        return plan.controlPlanes().stream().map(PlannedNode::name).toList();
    }

    /** A bounded wait whose failure also describes the cluster: every container's state, and nodes and pods. */
    private static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastState) {
        Waits.until(what, timeout, condition, () -> lastState.get() + "; " + cluster.describe());
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
