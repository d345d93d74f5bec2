package dev.kindj.internal.provision.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.node.Node;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real 1+2 cluster with a Deployment behind a Service, restarted by Docker alone and by stop and start: it must
 * come back by itself within a minute, pods, Service, DNS and the exported kubeconfig included; and its components
 * must come back within seconds when killed.
 */
class ClusterRestartIT {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    private static final Duration HEALED_WITHIN = Duration.ofSeconds(10);
    private static final String MESSAGE = "hello-from-before-the-restart";

    private static TestCluster cluster;
    private static int clients;

    @BeforeAll
    static void createClusterWithAService() throws Exception {
        cluster = TestCluster.create("restart", 1, 2);
        new ImageLoader(cluster.provider()).load(TestImages.app(), cluster.nodeNames());
        Map<String, String> labels = Map.of("app", "web");
        cluster.client().apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", MESSAGE).endContainer().endSpec().endTemplate().endSpec().build()).create();
        cluster.client().services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withSelector(labels).addNewPort().withPort(80).withTargetPort(new IntOrString(8080))
                .endPort().endSpec().build()).create();
        awaitDeploymentRunningSince(Instant.EPOCH);
        assertServiceAnswersThroughDns();
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void comesBackByItselfAfterDockerRestartsEveryNode() {
        Instant restarted = Instant.now();
        Parallel.forEach("restarting nodes", cluster.nodeNames(),
                node -> TestDocker.client().restartContainerCmd(node).exec());

        ClusterReadiness.await(cluster.provider(), cluster.name(), BACK_WITHIN);
        assertThat(Duration.between(restarted, Instant.now())).as("time until every node was Ready again")
                .isLessThanOrEqualTo(BACK_WITHIN);
        assertEverythingWorksAgainSince(restarted);
    }

    @Test
    void stopsAndStartsAgain() {
        ClusterLifecycle.stop(cluster.provider(), cluster.name());
        assertThat(cluster.provider().listNodes(cluster.name())).as("containers after stop")
                .noneMatch(Node::isRunning);

        Instant started = Instant.now();
        ClusterLifecycle.start(cluster.provider(), cluster.name(), BACK_WITHIN);
        assertThat(cluster.provider().listNodes(cluster.name())).allMatch(Node::isRunning);
        assertEverythingWorksAgainSince(started);
    }

    @Test
    void killedComponentsComeBackWithinSeconds() {
        String node = cluster.controlPlane();
        assertHeals("etcd", node, () -> cluster.provider().exec(node, "etcdctl", "--endpoints=https://127.0.0.1:2379",
                "--cacert=/etc/kubernetes/pki/etcd/ca.crt", "--cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt",
                "--key=/etc/kubernetes/pki/etcd/healthcheck-client.key", "endpoint", "health").succeeded());
        assertHeals("kube-apiserver", node, () -> cluster.kubectl("get", "--raw=/readyz").succeeded());
        assertHeals("kubelet", node,
                () -> cluster.kubectl("get", "--raw=/api/v1/nodes/" + node + "/proxy/healthz").succeeded());
        assertHeals("containerd", node, () -> cluster.provider().exec(node, "ctr", "version").succeeded());
        assertHeals("kubelet", cluster.worker(1),
                () -> cluster.kubectl("get", "--raw=/api/v1/nodes/" + cluster.worker(1) + "/proxy/healthz").succeeded());
    }

    private static void assertHeals(String process, String node, BooleanSupplier healthy) {
        Waits.until(process + " on " + node + " to be healthy before the kill", Duration.ofSeconds(30), healthy,
                cluster::describe);
        cluster.provider().exec(node, "pkill", "-9", "-x", process).orThrow(node);
        Waits.until(process + " on " + node + " to be back after kill -9", HEALED_WITHIN, healthy,
                () -> journal(node, process) + "\n" + journal(node, "containerd"));
    }

    private static String journal(String node, String unit) {
        return cluster.provider().exec(node, "journalctl", "-u", unit, "-n", "20", "--no-pager").stdout();
    }

    private static void assertEverythingWorksAgainSince(Instant since) {
        awaitDeploymentRunningSince(since);
        assertServiceAnswersThroughDns();
        assertThat(cluster.client().nodes().list().getItems()).as("nodes through the kubeconfig exported at creation")
                .hasSize(3);
    }

    /** Both replicas ready, each in a container started after {@code since}: the pods came back, not the old status. */
    private static void awaitDeploymentRunningSince(Instant since) {
        Waits.until("the web Deployment's pods to run again", BACK_WITHIN, () -> {
            List<Pod> pods = cluster.client().pods().inNamespace("default").withLabel("app", "web").list().getItems();
            return pods.size() == 2 && pods.stream().allMatch(pod -> runningReadySince(pod, since));
        }, cluster::describe);
    }

    private static boolean runningReadySince(Pod pod, Instant since) {
        return pod.getStatus().getContainerStatuses().stream().allMatch(status -> Boolean.TRUE.equals(status.getReady())
                && status.getState().getRunning() != null
                && !Instant.parse(status.getState().getRunning().getStartedAt()).isBefore(since.minusSeconds(1)));
    }

    /** A new client pod on a worker fetches the Service by its DNS name. */
    private static void assertServiceAnswersThroughDns() {
        String name = "client-" + ++clients;
        cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withNodeName(cluster.worker(2))
                .addNewContainer().withName("client").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("get", "http://web.default.svc.cluster.local", "60").endContainer().endSpec().build()).create();
        Waits.until("client pod " + name + " to finish", Duration.ofSeconds(90), () -> {
            Pod pod = cluster.client().pods().inNamespace("default").withName(name).get();
            return pod != null && List.of("Succeeded", "Failed").contains(pod.getStatus().getPhase());
        }, cluster::describe);
        String log = cluster.client().pods().inNamespace("default").withName(name).getLog();
        assertThat(cluster.client().pods().inNamespace("default").withName(name).get().getStatus().getPhase())
                .as("client pod %s, log: %s", name, log).isEqualTo("Succeeded");
        assertThat(log).contains(MESSAGE);
    }
}
