package dev.kindj.internal.provision.plan;

import dev.kindj.internal.provision.node.NodeRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

    @Test
    void anHaPlanWithItsSettingsComesBackEqual() {
        ClusterConfig config = ClusterConfig.builder().withName("demo")
                .withControlPlanes(3).withWorkers(2)
                .withNetworking(Networking.defaults()
                        .withPodSubnet("10.100.0.0/16").withServiceSubnet("10.200.0.0/16")
                        .withKubeProxyMode(KubeProxyMode.NFTABLES).withDisableDefaultCNI(true)
                        .withApiServerAddress("0.0.0.0").withApiServerPort(6445))
                .withFeatureGate("SomeGate", true).withFeatureGate("OtherGate", false)
                .build();
        ClusterPlan plan = ClusterPlanner.plan(config, "172.28.5.0/24", "kindj/node:1", "kindj/haproxy:1");

        ClusterPlan read = PlanJson.read(PlanJson.write(plan));

        assertThat(read).isEqualTo(plan);
        assertThat(read.loadBalancer()).hasValueSatisfying(lb -> assertThat(lb.ip()).isEqualTo("172.28.5.2"));
    }

    @Test
    void clusterKubeadmPatchesAndDnsSearchComeBackForWorkersAddedLater() {
        ClusterConfig config = ClusterConfig.builder().withName("demo").withControlPlanes(1)
                .withNetworking(Networking.defaults().withDnsSearch(List.of()))
                .withKubeadmConfigPatch("kind: KubeletConfiguration\nmaxPods: 50\n").build();
        ClusterPlan plan = ClusterPlanner.plan(config, "172.28.5.0/24", "kindj/node:1", null);

        ClusterPlan read = PlanJson.read(PlanJson.write(plan));

        assertThat(read).isEqualTo(plan);
        assertThat(read.config().kubeadmFor(NodeConfig.worker()).kubelet()).containsEntry("maxPods", 50);
        assertThat(read.config().networking().dnsSearch()).isEmpty();
    }

    @Test
    void containerdPatchesComeBackForWorkersAddedLater() {
        ClusterConfig config = ClusterConfig.builder().withName("demo")
                .withContainerdConfigPatch("[plugins.\"io.containerd.grpc.v1.cri\"]\nrestrict_oom_score_adj = true\n")
                .withContainerdConfigPatchJSON6902("[{op: remove, path: /plugins/x}]").build();
        ClusterPlan plan = ClusterPlanner.plan(config, "172.28.5.0/24", "kindj/node:1", null);

        ClusterConfig read = PlanJson.read(PlanJson.write(plan)).config();

        assertThat(read.containerdConfigPatches()).isEqualTo(config.containerdConfigPatches());
        assertThat(read.containerdConfigPatchesJSON6902()).isEqualTo(config.containerdConfigPatchesJSON6902());
    }

    @Test
    void aPlanWrittenBeforeKubeadmPatchesReadsWithNone() {
        String json = PlanJson.write(ClusterPlanner.plan(ClusterConfig.builder().withName("demo").build(),
                "172.28.5.0/24", "kindj/node:1", null));
        String old = json.replaceAll("\"(kubeadm|containerd)ConfigPatches(JSON6902)?\" : \\[ \\],?\\s*", "");

        assertThat(old).doesNotContain("ConfigPatches");
        assertThat(PlanJson.read(old).config().kubeadmConfigPatches()).isEmpty();
        assertThat(PlanJson.read(old).config().containerdConfigPatches()).isEmpty();
    }

    @Test
    void theControlPlaneUserComesBackAndAPlanWrittenBeforeItHadOneGetsTheNamesUser() {
        ClusterPlan plan = ClusterPlanner.plan(ClusterConfig.builder().withName("demo").build(),
                "172.28.5.0/24", "kindj/node:1", null);
        String json = PlanJson.write(plan);
        String old = json.replaceAll(",\\s*\"controlPlaneUid\" : \\d+", "");

        assertThat(json).contains("\"controlPlaneUid\" : " + plan.controlPlaneUid());
        assertThat(PlanJson.read(json).controlPlaneUid()).isEqualTo(plan.controlPlaneUid());
        assertThat(old).doesNotContain("controlPlaneUid");
        assertThat(PlanJson.read(old).controlPlaneUid()).isEqualTo(ControlPlaneUser.forCluster("demo"));
    }

    @Test
    void anAddedWorkerWithItsOwnImageIsPartOfTheConfigReadBack() {
        ClusterPlan created = ClusterPlanner.plan(ClusterConfig.builder().withName("demo").build(),
                "172.28.5.0/24", "kindj/node:1", null);
        List<PlannedNode> nodes = new ArrayList<>(created.nodes());
        nodes.add(NodeSlots.next(created, NodeRole.WORKER, "kindj/node:2"));

        ClusterPlan read = PlanJson.read(PlanJson.write(created.withNodes(nodes)));

        assertThat(read.nodes()).isEqualTo(nodes);
        assertThat(read.workers()).singleElement().satisfies(worker -> {
            assertThat(worker.image()).isEqualTo("kindj/node:2");
            assertThat(worker.podCidr()).hasToString("10.244.1.0/24");
        });
        assertThat(read.config().workers()).hasSize(1);
        assertThat(read.loadBalancer()).isEmpty();
    }

    @Test
    void settingsThatOnlyMatteredWhenANodeWasMadeAreLeftOut() {
        ClusterConfig config = ClusterConfig.builder().withName("demo")
                .withNode(NodeConfig.controlPlane().withLabel("tier", "web")).build();
        ClusterPlan plan = ClusterPlanner.plan(config, "172.28.5.0/24", "kindj/node:1", null);

        String json = PlanJson.write(plan);

        assertThat(json).doesNotContain("tier");
        assertThat(PlanJson.read(json).firstControlPlane().config()).isEqualTo(NodeConfig.controlPlane());
    }

    @Test
    void textThatIsNoPlanIsRefused() {
        assertThatThrownBy(() -> PlanJson.read("{\"name\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a cluster plan");
    }
}
