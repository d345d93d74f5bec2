package dev.kindj.internal.provision.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.NodeRefusals;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HA cluster, 3 control planes and 2 workers behind the load balancer, holding a Deployment behind a Service,
 * a ConfigMap and a claim with data: restarted by Docker all at once, by stop and start, and one node at a time in
 * reverse order, it must each time come back by itself within a minute with etcd whole and nothing lost. Each time
 * is logged ("measured: ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(HaRestartIT.class);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    private static final String MESSAGE = "served-by-an-ha-cluster";
    private static final String KEPT = "kept-across-restarts";
    private static final String DATA_POD = "data";

    private static TestCluster cluster;
    private static ClusterPlan plan;
    private static int clients;

    @BeforeAll
    static void createClusterWithStateToKeep() throws Exception {
        cluster = TestCluster.create("ha-restart", 3, 2);
        plan = cluster.created().plan();
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
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void comesBackWithinAMinuteAfterDockerRestartsEveryContainerAtOnce() {
        Instant restarted = Instant.now();
        Parallel.forEach("restarting every container", cluster.nodeNames(),
                container -> TestDocker.client().restartContainerCmd(container).exec());
        log("docker restart of every container returned", restarted);

        assertBackWithinAMinute(restarted, "docker restart of every container at once");
    }

    @Test
    @Order(2)
    void comesBackWithinAMinuteAfterStopAndStart() {
        ClusterLifecycle.stop(cluster.provider(), cluster.name());
        Instant started = Instant.now();
        ClusterLifecycle.start(cluster.provider(), cluster.name(), BACK_WITHIN);
        log("ClusterLifecycle.start returned (nodes Ready, DNS running)", started);

        assertBackWithinAMinute(started, "stop, then start");
    }

    /** A rolling restart: each container once the one before it is back, the last planned first. */
    @Test
    @Order(3)
    void comesBackAfterTheContainersRestartOneAtATimeInReverseOrder() {
        List<PlannedNode> containers = new ArrayList<>(plan.containers());
        Collections.reverse(containers);
        Instant first = Instant.now();
        for (PlannedNode container : containers) {
            Instant restarted = Instant.now();
            TestDocker.client().restartContainerCmd(container.name()).exec();
            ClusterReadiness.await(cluster.provider(), cluster.name(), BACK_WITHIN);
            log(container.name() + " restarted and every node Ready", restarted);
        }
        awaitBack(first, Instant.now().plus(BACK_WITHIN));
        assertStateKept();
        log("rolling restart of " + containers.size() + " containers, everything back", first);
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
        Waits.until("etcd to have 3 started, healthy members", left(deadline), HaRestartIT::etcdWhole,
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
}
