package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.internal.provision.NodeRefusals;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.UnknownNameException;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adding a worker to a real 1+1 cluster, using it across nodes, and removing it again. */
class WorkerNodesIT {

    private static TestCluster cluster;

    @BeforeAll
    static void createCluster() throws Exception {
        TestImages.app();
        cluster = TestCluster.create("nodes", 1, 1);
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void joinsAWorkerWhosePodsOtherNodesReachThenRemovesIt() {
        String added = LiveNodes.addWorker(cluster.provider(), cluster.name(), Optional.empty());

        assertThat(added).isEqualTo(cluster.worker(2));
        var node = cluster.client().nodes().withName(added).get();
        assertThat(node.getSpec().getPodCIDR()).as("pod range of %s", added).isEqualTo("10.244.2.0/24");
        String addedIp = cluster.provider().listNodes(cluster.name()).stream().filter(n -> n.name().equals(added))
                .map(Node::ipAddress).findFirst().orElseThrow();
        for (String other : List.of(cluster.controlPlane(), cluster.worker(1))) {
            assertThat(route(other, "10.244.2.0/24")).as("route on %s", other).contains("via " + addedIp);
        }
        // the new node's unit and the others' rerun ones refuse what nothing serves, as at creation
        for (String any : List.of(cluster.controlPlane(), cluster.worker(1), added)) {
            NodeRefusals.assertInPlace(cluster.provider(), cluster.created().plan(), any);
        }

        // the node agents read their drop-ins at the new node's first boot
        assertThat(cluster.provider().exec(added, "sh", "-c", "for unit in containerd kubelet kube-proxy; do"
                + " echo $unit $(tr '\\0' '\\n' < /proc/$(systemctl show -p MainPID --value $unit)/environ | grep GOGC);"
                + " done").orThrow(added).stdout())
                .isEqualTo("containerd GOGC=50\nkubelet GOGC=50\nkube-proxy GOGC=50\n");

        new ImageLoader(cluster.provider()).load(TestImages.APP, List.of(added, cluster.worker(1)));
        cluster.client().pods().inNamespace("default").resource(pod("on-new-node", added,
                "serve", "8080", "served-by-the-new-node").editMetadata().addToLabels("app", "new").endMetadata()
                .build()).create();
        cluster.client().services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("new").endMetadata()
                .withNewSpec().addToSelector("app", "new").addNewPort().withPort(80).withTargetPort(new IntOrString(8080))
                .endPort().endSpec().build()).create();
        cluster.client().pods().inNamespace("default").resource(pod("client", cluster.worker(1),
                "get", "http://new.default.svc.cluster.local", "60").editSpec().withRestartPolicy("Never").endSpec()
                .build()).create();
        Waits.until("the client on " + cluster.worker(1) + " to finish", Duration.ofSeconds(90), () -> {
            Pod client = cluster.client().pods().inNamespace("default").withName("client").get();
            return client != null && List.of("Succeeded", "Failed").contains(client.getStatus().getPhase());
        }, cluster::describe);
        assertThat(cluster.client().pods().inNamespace("default").withName("client").getLog())
                .contains("served-by-the-new-node");

        LiveNodes.remove(cluster.provider(), cluster.name(), added);

        assertThat(cluster.client().nodes().withName(added).get()).as("Node object of %s", added).isNull();
        assertThat(cluster.nodeNames()).doesNotContain(added);
        for (String other : List.of(cluster.controlPlane(), cluster.worker(1))) {
            assertThat(route(other, "10.244.2.0/24")).as("route on %s", other).isBlank();
            assertThat(cluster.provider().exec(other, "cat", "/etc/kindj/pod-network.sh").stdout())
                    .doesNotContain("10.244.2.0/24");
        }
    }

    @Test
    void refusesControlPlanesAndUnknownNodes() {
        assertThatThrownBy(() -> LiveNodes.remove(cluster.provider(), cluster.name(), cluster.controlPlane()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("one control plane and no load balancer");
        assertThatThrownBy(() -> LiveNodes.remove(cluster.provider(), cluster.name(), "no-such-node"))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("no-such-node");
        assertThatThrownBy(() -> LiveNodes.addWorker(cluster.provider(), cluster.name(), Optional.of("kindj/no-such-image:1")))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("kindj/no-such-image:1");
    }

    private static String route(String node, String destination) {
        return cluster.provider().exec(node, "ip", "route", "show", destination).orThrow(node).stdout();
    }

    private static PodBuilder pod(String name, String node, String... arguments) {
        return new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName(node)
                .addNewContainer().withName(name).withImage(TestImages.APP).withImagePullPolicy("Never")
                .withArgs(arguments).endContainer()
                .endSpec();
    }
}
