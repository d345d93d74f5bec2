package dev.kindj.internal.provision.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.DockerException;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.lifecycle.ClusterReadiness;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
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
 * before and after a restart; and a frozen cgroup inside a node, which once left a node Docker could neither restart
 * nor kill, never stops kindj from removing it.
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
    void privilegedPodsStillRunAfterTheNodesRestart() {
        Parallel.forEach("restarting", cluster.nodeNames(),
                node -> TestDocker.client().restartContainerCmd(node).exec());
        ClusterReadiness.await(cluster.provider(), cluster.name(), Duration.ofMinutes(2));
        assertPrivilegedPodsRun("after");
    }

    @Test
    @Order(3)
    void aWorkerWithAFrozenPodIsRemoved() {
        freezePod("frozen-on-worker", cluster.worker(1));
        cluster.provider().removeNode(cluster.worker(1));
        assertThat(cluster.provider().listNodes(cluster.name())).extracting(Node::name)
                .containsExactly(cluster.controlPlane());
    }

    @Test
    @Order(4)
    void aNodeThatAFrozenPodWedgedInARestartIsStillDeletedAndNothingIsLeft() {
        freezePod("frozen-on-control-plane", cluster.controlPlane());
        // What was seen: the restart kills the node's init, the frozen process cannot die, and Docker gives up.
        assertThatThrownBy(() -> TestDocker.client().restartContainerCmd(cluster.controlPlane()).withTimeout(5).exec())
                .isInstanceOf(DockerException.class).hasMessageContaining("exit event");
        assertThat(cluster.provider().exec(cluster.controlPlane(), "true").succeeded() ? "exec works" : "no exec")
                .as("a wedged node takes no exec").isEqualTo("no exec");

        cluster.provider().deleteCluster(cluster.name());
        assertThat(cluster.provider().listNodes(cluster.name())).isEmpty();
        assertThat(cluster.provider().networkSubnet(cluster.name())).isEmpty();
    }

    /** A running pod on the node whose cgroups are then frozen, as an interrupted runc leaves them. */
    private static void freezePod(String name, String node) {
        Pod pod = cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName(node)
                .addNewContainer().withName("app").withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "frozen").endContainer().endSpec().build()).create();
        cluster.client().pods().inNamespace("default").withName(name)
                .waitUntilCondition(p -> p != null && "Running".equals(p.getStatus().getPhase()), 2, TimeUnit.MINUTES);
        // the pod's cgroup is kubepods/<qos>/pod<uid> with the cgroupfs driver, kubepods-<qos>-pod<uid, _ for ->.slice
        // with systemd's
        String uid = pod.getMetadata().getUid();
        String states = "$(find " + FREEZER + " \\( -path '*pod" + uid + "*' -o -path '*pod" + uid.replace('-', '_')
                + "*' \\) -name freezer.state)";
        ExecResult frozen = exec(node, "sh", "-c", "for s in " + states + "; do echo FROZEN > $s; done; sleep 1; cat " + states);
        assertThat(frozen.stdout()).as("the pod's cgroups: %s", frozen).contains("FROZEN").doesNotContain("THAWED");
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
