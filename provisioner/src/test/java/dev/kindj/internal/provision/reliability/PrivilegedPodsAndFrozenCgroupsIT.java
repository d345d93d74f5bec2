package dev.kindj.internal.provision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.lifecycle.ClusterReadiness;
import dev.kindj.internal.provision.node.ExecResult;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nodes are not --privileged here, yet privileged pods (CNI and CSI DaemonSets, node agents) must run on every node,
 * before and after a restart; and a frozen cgroup inside a node, which once left a node Docker could not kill, is
 * thawed at boot and never stops a delete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivilegedPodsAndFrozenCgroupsIT {

    private static final String FREEZER = "/sys/fs/cgroup/freezer";
    private static TestCluster cluster;

    @BeforeAll
    static void createCluster() throws Exception {
        cluster = TestCluster.create("frozen", 1, 1);
        new ImageLoader(cluster.provider()).loadImages(List.of(TestImages.busybox(), TestImages.app()), cluster.nodeNames());
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void privilegedPodsSeeTheDevicesAndCreateHostPathsOnEveryNode() {
        assertPrivilegedPodsRun("before");
    }

    @Test
    @Order(2)
    void aFreezeThatOutlivesARestartIsThawedAtBootAndPrivilegedPodsStillRun() {
        // An empty cgroup keeps its directory and its state across `docker restart`, as the node's own subtree does.
        Parallel.forEach("freezing", cluster.nodeNames(), node -> exec(node, "sh", "-c",
                "mkdir -p " + FREEZER + "/kindj-it && echo FROZEN > " + FREEZER + "/kindj-it/freezer.state"
                        + " && cat " + FREEZER + "/kindj-it/freezer.state"));
        Parallel.forEach("restarting", cluster.nodeNames(),
                node -> cluster.provider().docker().restartContainerCmd(node).exec());
        ClusterReadiness.await(cluster.provider(), cluster.name(), Duration.ofMinutes(2));
        for (String node : cluster.nodeNames()) {
            assertThat(exec(node, "cat", FREEZER + "/kindj-it/freezer.state").stdout().strip())
                    .as("the test cgroup on %s after the restart", node).isEqualTo("THAWED");
        }
        assertPrivilegedPodsRun("after");
    }

    @Test
    @Order(3)
    void aNodeWithAFrozenPodIsDeletedAndNothingIsLeft() {
        Pod pod = cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName("to-freeze").endMetadata()
                .withNewSpec().withNodeName(cluster.worker(1))
                .addNewContainer().withName("app").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "frozen").endContainer().endSpec().build()).create();
        cluster.client().pods().inNamespace("default").withName("to-freeze")
                .waitUntilCondition(p -> p != null && "Running".equals(p.getStatus().getPhase()), 2, TimeUnit.MINUTES);
        String uid = pod.getMetadata().getUid().replace('-', '_');
        ExecResult frozen = exec(cluster.worker(1), "sh", "-c", "for s in $(find " + FREEZER + " -path '*pod" + uid
                + "*' -name freezer.state); do echo FROZEN > $s; done; sleep 1; cat $(find " + FREEZER + " -path '*pod"
                + uid + "*' -name freezer.state)");
        assertThat(frozen.stdout()).as("the pod's cgroups: %s", frozen).contains("FROZEN").doesNotContain("THAWED");

        cluster.provider().deleteCluster(cluster.name());
        assertThat(cluster.provider().listNodes(cluster.name())).isEmpty();
        assertThat(cluster.provider().networkSubnet(cluster.name())).isEmpty();
    }

    private static void assertPrivilegedPodsRun(String when) {
        for (String node : List.of(cluster.controlPlane(), cluster.worker(1))) {
            String name = "privileged-" + when + "-" + (node.equals(cluster.controlPlane()) ? "cp" : "worker");
            String hostPath = "/var/lib/kindj-it/" + name;
            cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                    .withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withNodeName(node).withRestartPolicy("Never")
                    .addNewContainer().withName("probe").withImage(TestImages.BUSYBOX).withImagePullPolicy("Never")
                    .withCommand("sh", "-c", "ls /dev && touch /host/made-by-the-pod")
                    .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                    .addNewVolumeMount().withName("host").withMountPath("/host").endVolumeMount()
                    .endContainer()
                    .addNewVolume().withName("host").withNewHostPath().withPath(hostPath).withType("DirectoryOrCreate")
                    .endHostPath().endVolume()
                    .endSpec().build()).create();
            Pod done = cluster.client().pods().inNamespace("default").withName(name).waitUntilCondition(
                    pod -> pod != null && List.of("Succeeded", "Failed").contains(pod.getStatus().getPhase()),
                    2, TimeUnit.MINUTES);
            String log = cluster.client().pods().inNamespace("default").withName(name).getLog();
            assertThat(done.getStatus().getPhase()).as("%s on %s: %s %s", name, node, log, cluster.describe())
                    .isEqualTo("Succeeded");
            // Only a privileged container gets the node's devices, /dev/kmsg among them.
            assertThat(log.lines()).as("/dev of %s", name).contains("kmsg");
            assertThat(exec(node, "test", "-f", hostPath + "/made-by-the-pod").succeeded())
                    .as("%s created %s on %s", name, hostPath, node).isTrue();
        }
    }

    private static ExecResult exec(String node, String... command) {
        return cluster.provider().exec(node, command);
    }
}
