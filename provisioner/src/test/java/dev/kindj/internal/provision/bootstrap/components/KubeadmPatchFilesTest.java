package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** kind's kubeadm patches reach the args and configuration files of the components they name. */
class KubeadmPatchFilesTest {

    private static final String CLUSTER_ARGS = """
            kind: ClusterConfiguration
            apiServer:
              extraArgs:
                enable-admission-plugins: NodeRestriction,AlwaysPullImages
                audit-log-maxage: "3"
            controllerManager:
              extraArgs:
                node-monitor-grace-period: 20s
            scheduler:
              extraArgs:
                v: "4"
            etcd:
              local:
                extraArgs:
                  quota-backend-bytes: "8589934592"
            """;

    @Test
    void extraArgsOverrideKindjsValueOrComeAfterItsFlags() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0).withKubeadmConfigPatch(CLUSTER_ARGS));
        List<NodeFile> files = ComponentFiles.forNode(plan, plan.firstControlPlane(), TestPlans.SYSTEMD);

        Map<String, String> apiServer = flags(file(files, "/etc/kindj/args/kube-apiserver"));
        assertThat(apiServer).containsEntry("enable-admission-plugins", "NodeRestriction,AlwaysPullImages")
                .containsEntry("authorization-mode", "Node,RBAC");
        assertThat(List.copyOf(apiServer.keySet())).endsWith("audit-log-maxage");
        assertThat(flags(file(files, "/etc/kindj/args/kube-controller-manager")))
                .containsEntry("node-monitor-grace-period", "20s");
        assertThat(flags(file(files, "/etc/kindj/args/kube-scheduler"))).containsEntry("v", "4");
        assertThat(flags(file(files, "/etc/kindj/args/etcd"))).containsEntry("quota-backend-bytes", "8589934592");
    }

    @Test
    void nodePatchesReachOnlyTheirNode() {
        NodeConfig patched = NodeConfig.worker().withKubeadmConfigPatch("""
                kind: KubeletConfiguration
                maxPods: 20
                """).withKubeadmConfigPatch("""
                kind: JoinConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    v: "3"
                  taints:
                  - key: dedicated
                    value: infra
                    effect: NoSchedule
                """);
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 1).withNode(patched).withKubeadmConfigPatch("""
                kind: KubeletConfiguration
                maxPods: 50
                evictionHard:
                  memory.available: 100Mi
                """));
        PlannedNode plainWorker = plan.workers().get(0);
        PlannedNode patchedWorker = plan.workers().get(1);

        Map<String, Object> plain = kubeletConfig(plan, plainWorker);
        Map<String, Object> withPatch = kubeletConfig(plan, patchedWorker);
        assertThat(plain).containsEntry("maxPods", 50).doesNotContainKey("registerWithTaints");
        assertThat(plain.get("evictionHard")).isEqualTo(Map.of("memory.available", "100Mi",
                "nodefs.available", "0%", "nodefs.inodesFree", "0%", "imagefs.available", "0%"));
        assertThat(withPatch).containsEntry("maxPods", 20).containsEntry("registerWithTaints",
                List.of(Map.of("key", "dedicated", "value", "infra", "effect", "NoSchedule")));
        assertThat(flags(KubeletFiles.forNode(plan, patchedWorker, TestPlans.SYSTEMD).get(0))).containsEntry("v", "3");
        assertThat(flags(KubeletFiles.forNode(plan, plainWorker, TestPlans.SYSTEMD).get(0))).doesNotContainKey("v");
    }

    @Test
    void emptyTaintsRegisterTheControlPlaneUntainted() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 1).withKubeadmConfigPatch("""
                kind: InitConfiguration
                nodeRegistration:
                  taints: []
                """));

        assertThat(kubeletConfig(plan, plan.firstControlPlane())).containsEntry("registerWithTaints", List.of());
        assertThat(kubeletConfig(plan, plan.workers().get(0))).doesNotContainKey("registerWithTaints");
    }

    @Test
    void initConfigurationIsTheFirstControlPlanesAndJoinConfigurationEveryOtherNodes() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(3, 1).withKubeadmConfigPatch("""
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-labels: ingress-ready=true
                """).withKubeadmConfigPatch("""
                kind: JoinConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-labels: joined=yes
                """));

        assertThat(KubeletFiles.registration(plan, plan.firstControlPlane()).labels())
                .containsExactly(entry("ingress-ready", "true"));
        assertThat(KubeletFiles.registration(plan, plan.controlPlanes().get(1)).labels())
                .containsExactly(entry("joined", "yes"));
        assertThat(KubeletFiles.registration(plan, plan.workers().get(0)).labels())
                .containsExactly(entry("joined", "yes"));
    }

    @Test
    void kubeProxyPatchesMergeIntoKindjsConfiguration() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0).withKubeadmConfigPatch("""
                kind: KubeProxyConfiguration
                conntrack:
                  tcpCloseWaitTimeout: 30s
                """));

        Map<String, Object> config = new Yaml().load(text(KubeProxyFiles.forNode(plan, plan.firstControlPlane())
                .get(1)));
        assertThat(config.get("conntrack")).isEqualTo(Map.of("maxPerCore", 0, "tcpCloseWaitTimeout", "30s"));
        assertThat(config).containsEntry("mode", "iptables");
    }

    private static Map<String, Object> kubeletConfig(ClusterPlan plan, PlannedNode node) {
        return new Yaml().load(text(KubeletFiles.forNode(plan, node, TestPlans.SYSTEMD).get(1)));
    }

    private static NodeFile file(List<NodeFile> files, String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst().orElseThrow();
    }
}
