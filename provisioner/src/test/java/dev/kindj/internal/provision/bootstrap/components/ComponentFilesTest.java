package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComponentFilesTest {

    private static final List<String> NODE_PATHS = List.of(
            "/etc/kindj/args/kubelet",
            "/var/lib/kubelet/config.yaml",
            "/etc/kindj/args/kube-proxy",
            "/etc/cni/net.d/10-kindj.conflist",
            "/etc/kindj/pod-network.sh",
            "/etc/systemd/system/kindj-pod-network.service");

    private final ClusterPlan ha = TestPlans.plan(3, 1);

    @Test
    void controlPlanesRunTheControlPlaneAndEveryNodeTheNodeAgents() {
        List<String> controlPlanePaths = new ArrayList<>(List.of(
                "/etc/kindj/args/etcd",
                "/etc/kindj/args/kube-apiserver",
                "/etc/kindj/args/kube-controller-manager",
                "/etc/kindj/args/kube-scheduler",
                "/etc/systemd/system/etcd.service.d/kindj-user.conf",
                "/etc/systemd/system/kube-apiserver.service.d/kindj-user.conf",
                "/etc/systemd/system/kube-controller-manager.service.d/kindj-user.conf",
                "/etc/systemd/system/kube-scheduler.service.d/kindj-user.conf"));
        controlPlanePaths.addAll(NODE_PATHS);

        for (PlannedNode controlPlane : ha.controlPlanes()) {
            assertThat(paths(ComponentFiles.forNode(ha, controlPlane, TestPlans.SYSTEMD)))
                    .as(controlPlane.name())
                    .containsExactlyElementsOf(controlPlanePaths);
        }
        assertThat(paths(ComponentFiles.forNode(ha, ha.workers().get(0), TestPlans.SYSTEMD)))
                .containsExactlyElementsOf(NODE_PATHS);
    }

    @Test
    void everyArgsFileHasOneFlagPerLineAndNoneTwice() {
        for (PlannedNode node : ha.nodes()) {
            for (NodeFile file : ComponentFiles.forNode(ha, node, TestPlans.SYSTEMD)) {
                if (file.path().startsWith(ComponentFiles.ARGS_DIR + "/")) {
                    assertThat(flags(file)).as(file.path()).isNotEmpty();
                    assertThat(file.mode()).as(file.path()).isEqualTo(NodeFile.PUBLIC);
                }
            }
        }
    }

    @Test
    void controlPlanesJoinEtcdInPlanOrder() {
        List<Map<String, String>> etcd = ha.controlPlanes().stream()
                .map(node -> flags(byPath(ComponentFiles.forNode(ha, node, TestPlans.SYSTEMD))
                        .get("/etc/kindj/args/etcd")))
                .toList();

        assertThat(etcd).extracting(flags -> flags.get("initial-cluster-state"))
                .containsExactly("new", "existing", "existing");
        assertThat(etcd).extracting(flags -> flags.get("initial-cluster")).containsExactly(
                "demo-control-plane=https://172.28.5.10:2380",
                "demo-control-plane=https://172.28.5.10:2380,demo-control-plane2=https://172.28.5.11:2380",
                "demo-control-plane=https://172.28.5.10:2380,demo-control-plane2=https://172.28.5.11:2380,"
                        + "demo-control-plane3=https://172.28.5.12:2380");
    }

    @Test
    void withoutKubeProxyAndDefaultCniAWorkerRunsOnlyTheKubelet() {
        ClusterPlan plan = TestPlans.withNetworking(
                Networking.defaults().withKubeProxyMode(KubeProxyMode.NONE).withDisableDefaultCNI(true));

        assertThat(paths(ComponentFiles.forNode(plan, plan.workers().get(0), TestPlans.SYSTEMD)))
                .containsExactly("/etc/kindj/args/kubelet", "/var/lib/kubelet/config.yaml");
    }

    @Test
    void refusesTheLoadBalancerAndNodesOfOtherClusters() {
        PlannedNode loadBalancer = ha.loadBalancer().orElseThrow();
        PlannedNode stranger = TestPlans.plan(TestPlans.builder(1, 0).withName("other")).firstControlPlane();

        assertThatThrownBy(() -> ComponentFiles.forNode(ha, loadBalancer, TestPlans.SYSTEMD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demo-external-load-balancer");
        assertThatThrownBy(() -> ComponentFiles.forNode(ha, stranger, TestPlans.SYSTEMD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other-control-plane");
    }

    private static List<String> paths(List<NodeFile> files) {
        return files.stream().map(NodeFile::path).toList();
    }

    private static Map<String, NodeFile> byPath(List<NodeFile> files) {
        return files.stream().collect(Collectors.toMap(NodeFile::path, Function.identity()));
    }
}
