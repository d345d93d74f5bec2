package dev.kindj.internal.provision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `docker pause` freezes a worker whole, kubelet included: the control plane must see the Node go NotReady, evict its
 * pods once their tolerations run out and run them elsewhere; after `docker unpause` the Node is Ready again and the
 * evicted pod, Terminating meanwhile, is gone. Each time is logged ("measured: ...").
 */
class PausedNodeIT {

    private static final Logger LOG = LoggerFactory.getLogger(PausedNodeIT.class);
    private static final String APP = "paused-web";
    private static final long TOLERATION_SECONDS = 10;
    /**
     * kube-controller-manager's node-monitor-grace-period, set through a kubeadm patch as a user would: its default
     * (50 s) would only make the test wait longer. Two of the kubelet's 10 s status updates (the help asks for N).
     */
    private static final String GRACE_PERIOD = "20s";
    private static final Duration NOT_READY_WITHIN = Duration.ofSeconds(40);
    private static final Duration EVICTED_WITHIN = Duration.ofSeconds(TOLERATION_SECONDS + 20);
    private static final Duration REPLACED_WITHIN = Duration.ofSeconds(60);
    private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(60);
    private static final Duration TERMINATED_WITHIN = Duration.ofSeconds(60);

    @Test
    void aPausedWorkerGoesNotReadyItsPodsMoveAndAfterUnpauseItIsReadyWithNothingStuck() throws Exception {
        try (TestCluster cluster = TestCluster.create("paused", ClusterConfig.builder().withControlPlanes(1).withWorkers(2)
                .withKubeadmConfigPatch("""
                        kind: ClusterConfiguration
                        apiVersion: kubeadm.k8s.io/v1beta4
                        controllerManager:
                          extraArgs:
                          - name: node-monitor-grace-period
                            value: %s
                        """.formatted(GRACE_PERIOD)))) {
            String paused = cluster.worker(1);
            String other = cluster.worker(2);
            new ImageLoader(cluster.provider()).load(TestImages.app(), cluster.nodeNames());
            createDeploymentPreferring(cluster, paused);
            Waits.until("the pod to run on " + paused, Duration.ofMinutes(2),
                    () -> pods(cluster).stream().anyMatch(pod -> runsReadyOn(pod, paused)), cluster::describe);
            String evicted = pods(cluster).stream().filter(pod -> runsReadyOn(pod, paused)).findFirst().orElseThrow()
                    .getMetadata().getName();

            Instant pausedAt = Instant.now();
            TestDocker.client().pauseContainerCmd(paused).exec();
            try {
                Waits.until(paused + " to go NotReady", NOT_READY_WITHIN,
                        () -> !"True".equals(ready(cluster, paused).map(NodeCondition::getStatus).orElse("")),
                        cluster::describe);
                log("NotReady after pause", pausedAt);
                Waits.until(evicted + " to be evicted", EVICTED_WITHIN,
                        () -> pod(cluster, evicted).map(pod -> pod.getMetadata().getDeletionTimestamp() != null)
                                .orElse(true),
                        cluster::describe);
                log("evicted after pause", pausedAt);
                Waits.until("a replacement to run on " + other, REPLACED_WITHIN,
                        () -> pods(cluster).stream().anyMatch(pod -> runsReadyOn(pod, other)), cluster::describe);
                log("replacement running after pause", pausedAt);
            } finally {
                TestDocker.client().unpauseContainerCmd(paused).exec();
            }

            Instant unpausedAt = Instant.now();
            Instant since = unpausedAt.truncatedTo(ChronoUnit.SECONDS);
            Waits.until(paused + " to report Ready after unpause", READY_AGAIN_WITHIN,
                    () -> ready(cluster, paused).filter(condition -> "True".equals(condition.getStatus())
                            && !Instant.parse(condition.getLastHeartbeatTime()).isBefore(since)).isPresent(),
                    cluster::describe);
            log("Ready after unpause", unpausedAt);
            Waits.until("the evicted pod " + evicted + " to be gone", TERMINATED_WITHIN,
                    () -> pod(cluster, evicted).isEmpty(), cluster::describe);
            log("evicted pod gone after unpause", unpausedAt);

            assertThat(pods(cluster)).as("the Deployment's pods").singleElement()
                    .satisfies(pod -> assertThat(runsReadyOn(pod, other)).as(pod.getMetadata().getName()).isTrue());
            assertThat(cluster.kubectl("get", "pods", "-A", "-o", "jsonpath={.items[*].metadata.deletionTimestamp}")
                    .orThrow(cluster.controlPlane()).stdout()).as("pods Terminating anywhere: %s", cluster.describe())
                    .isBlank();
            assertThat(cluster.provider().exec(paused, "sh", "-c",
                    "grep -rlE 'FROZEN|FREEZING' /sys/fs/cgroup/freezer --include=freezer.state || true").stdout())
                    .as("cgroups left frozen in %s", paused).isBlank();
        }
    }

    /** One replica that prefers {@code node}, tolerating an unreachable or NotReady node for a short while only. */
    private static void createDeploymentPreferring(TestCluster cluster, String node) {
        Map<String, String> labels = Map.of("app", APP);
        List<Toleration> tolerations = List.of("node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready")
                .stream().map(key -> new TolerationBuilder().withKey(key).withOperator("Exists").withEffect("NoExecute")
                        .withTolerationSeconds(TOLERATION_SECONDS).build())
                .toList();
        cluster.client().apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName(APP).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withTolerations(tolerations)
                .withNewAffinity().withNewNodeAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(100).withNewPreference().addNewMatchExpression().withKey("kubernetes.io/hostname")
                .withOperator("In").withValues(node).endMatchExpression().endPreference()
                .endPreferredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .addNewContainer().withName("web").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "paused").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
    }

    private static List<Pod> pods(TestCluster cluster) {
        return cluster.client().pods().inNamespace("default").withLabel("app", APP).list().getItems();
    }

    private static Optional<Pod> pod(TestCluster cluster, String name) {
        return Optional.ofNullable(cluster.client().pods().inNamespace("default").withName(name).get());
    }

    private static boolean runsReadyOn(Pod pod, String node) {
        Predicate<Pod> ready = p -> p.getStatus().getConditions().stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
        return node.equals(pod.getSpec().getNodeName()) && pod.getMetadata().getDeletionTimestamp() == null
                && ready.test(pod);
    }

    private static Optional<NodeCondition> ready(TestCluster cluster, String node) {
        return cluster.client().nodes().withName(node).get().getStatus().getConditions().stream()
                .filter(condition -> "Ready".equals(condition.getType())).findFirst();
    }

    private static void log(String what, Instant since) {
        LOG.info("measured: {} {} s", what, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
