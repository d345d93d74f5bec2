package dev.kindj.internal.provision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.lifecycle.ClusterReadiness;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 17's stress for the frozen-cgroup problem: many pods started at once on one node, then the node restarted
 * while all of them are being replaced. No container may fail to start (StartError) and no cgroup may stay frozen.
 * A watcher in the node records every cgroup it sees frozen meanwhile: runc freezes a container while the systemd
 * cgroup driver rewrites its device rules (cgroup v1), and a runc killed in between leaves it frozen; with the
 * cgroupfs driver, which the node image uses, runc writes the rules itself and never freezes. It passes with
 * cgroupfs and fails with systemd (BENCHMARKS.md, "Reliability"); it takes over a minute, so it runs only when asked:
 * {@code bench/cgroup-stress.sh} runs it against the node image and a variant of it with the other driver
 * (-Dkindj.cgroupStress=true, -Dkindj.image) and prints the counts ("measured: ...").
 */
@EnabledIfSystemProperty(named = "kindj.cgroupStress", matches = "true")
class CgroupDriverStressIT {

    private static final Logger LOG = LoggerFactory.getLogger(CgroupDriverStressIT.class);
    private static final int PODS = 30;
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);
    private static final String APP = "burst";
    private static final String FREEZES_LOG = "/var/log/kindj-freezes.log";
    /** Every cgroup seen frozen or freezing, checked every 20 ms; the log is on the node's disk, so it outlives restarts. */
    private static final String WATCH = "while :; do grep -rlE 'FROZEN|FREEZING' /sys/fs/cgroup/freezer"
            + " --include=freezer.state >> " + FREEZES_LOG + "; sleep 0.02; done";

    private static TestCluster cluster;
    private static String node;

    @BeforeAll
    static void createCluster() throws Exception {
        cluster = TestCluster.create("cgstress", 1, 0);
        node = cluster.controlPlane();
        new ImageLoader(cluster.provider()).loadImages(List.of(TestImages.app()), List.of(node));
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void podsStartedInABurstAndANodeRestartedMidChurnLeaveNoStartErrorAndNoFrozenCgroup() {
        String driver = cluster.provider().exec(node, "cat", "/etc/kindj/cgroup-driver").orThrow(node).stdout().strip();
        watchFreezes();
        Instant burst = Instant.now();
        Map<String, String> labels = Map.of("app", APP);
        cluster.client().apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName(APP).endMetadata()
                .withNewSpec().withReplicas(PODS).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(1L).addNewContainer().withName(APP)
                .withImage(TestImages.APP).withImagePullPolicy("Never").withArgs("serve", "8080", APP).endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        awaitAllReady();
        LOG.info("measured: {} pods started at once on one node ({} driver) in {} s", PODS, driver, since(burst));

        Instant churn = Instant.now();
        cluster.kubectl("delete", "pods", "-l", "app=" + APP, "--wait=false").orThrow(node);
        Waits.until("replacement pods to be starting", Duration.ofSeconds(30), () -> cluster.client().pods()
                .inNamespace("default").withLabel("app", APP).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).count() >= PODS / 2, cluster::describe);
        TestDocker.client().restartContainerCmd(node).exec();
        ClusterReadiness.await(cluster.provider(), cluster.name(), READY_WITHIN);
        watchFreezes();
        awaitAllReady();
        LOG.info("measured: node restarted mid-churn, {} pods ready again in {} s", PODS, since(churn));

        List<String> startErrors = startErrors();
        long frozenSeen = cluster.provider().exec(node, "sh", "-c", "sort -u " + FREEZES_LOG + " | wc -l")
                .orThrow(node).stdout().strip().transform(Long::parseLong);
        NodeFootprint after = NodeFootprint.of(cluster.provider(), node);
        LOG.info("measured: {} driver: {} StartErrors, {} cgroups seen frozen during the run, {} frozen at the end",
                driver, startErrors.size(), frozenSeen, after.frozenCgroups());

        assertThat(startErrors).as("containers that failed with StartError").isEmpty();
        assertThat(after.frozenCgroups()).as("cgroups left frozen").isZero();
        assertThat(frozenSeen).as("cgroups seen frozen with the %s driver", driver).isZero();
    }

    /** Starts the watcher as a transient unit; again after a restart, which ends it. */
    private static void watchFreezes() {
        cluster.provider().exec(node, "systemd-run", "--unit=kindj-freeze-watch", "sh", "-c", WATCH).orThrow(node);
    }

    private static void awaitAllReady() {
        Waits.until(PODS + " " + APP + " pods to be ready", READY_WITHIN, () -> {
            Deployment deployment = cluster.client().apps().deployments().inNamespace("default").withName(APP).get();
            Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
            return ready != null && ready == PODS && deployment.getStatus().getUpdatedReplicas() == PODS;
        }, cluster::describe);
    }

    /** The messages of containers whose current or last state is a StartError, one per container. */
    private static List<String> startErrors() {
        return cluster.client().pods().inNamespace("default").list().getItems().stream()
                .flatMap(pod -> pod.getStatus().getContainerStatuses().stream())
                .flatMap(CgroupDriverStressIT::states)
                .filter(state -> state.getTerminated() != null && "StartError".equals(state.getTerminated().getReason()))
                .map(state -> state.getTerminated().getMessage())
                .toList();
    }

    private static Stream<ContainerState> states(ContainerStatus status) {
        return Stream.of(status.getState(), status.getLastState()).filter(Objects::nonNull);
    }

    private static double since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
