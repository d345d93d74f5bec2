package dev.kindj.internal.provision.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real 1+2 cluster with a Deployment behind a Service, restarted by Docker alone: it must come back by itself
 * within a minute, pods, Service, DNS and the exported kubeconfig included; and its components must come back within
 * seconds when killed. Stop and start are HaClusterIT's (the same workload on an HA cluster), ClusterTrafficIT's (a
 * 1+2 cluster) and, through the CLI, ReadmeCommandsIT's.
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
        cluster.deployWeb(MESSAGE, 2);
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
        cluster.awaitPodsRunningSince("web", 2, since, BACK_WITHIN);
    }

    /** A new client pod on a worker fetches the Service by its DNS name. */
    private static void assertServiceAnswersThroughDns() {
        String url = "http://web.default.svc.cluster.local";
        assertThat(cluster.fetchFromNewPod("client-" + ++clients, cluster.worker(2), url)).contains(MESSAGE);
    }
}
