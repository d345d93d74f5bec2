package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.Networking;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class KubeletFilesTest {

    @Test
    void argsNameOnlyTheNodeAndTheFilesItReads() {
        ClusterPlan plan = TestPlans.plan(1, 2);
        PlannedNode worker = plan.workers().get(1);

        List<NodeFile> files = KubeletFiles.forNode(plan, worker, TestPlans.SYSTEMD);

        assertThat(files).extracting(NodeFile::path)
                .containsExactly("/etc/kindj/args/kubelet", "/var/lib/kubelet/config.yaml");
        assertThat(files).extracting(NodeFile::mode).containsOnly(NodeFile.PUBLIC);
        assertThat(flags(files.get(0))).containsExactly(
                entry("config", "/var/lib/kubelet/config.yaml"),
                entry("kubeconfig", "/etc/kubernetes/kubelet.conf"),
                entry("node-ip", "172.28.5.12"),
                entry("hostname-override", "demo-worker2"));
    }

    @Test
    void configIsAKubeletConfigurationForThisHost() {
        ClusterPlan plan = TestPlans.plan(1, 0);

        Map<String, Object> config = config(plan, plan.firstControlPlane(), TestPlans.SYSTEMD);

        assertThat(config)
                .containsEntry("apiVersion", "kubelet.config.k8s.io/v1beta1")
                .containsEntry("kind", "KubeletConfiguration")
                .containsEntry("cgroupDriver", "systemd")
                .containsEntry("failCgroupV1", false)
                .containsEntry("containerRuntimeEndpoint", "unix:///run/containerd/containerd.sock")
                .containsEntry("authentication", Map.of(
                        "anonymous", Map.of("enabled", false),
                        "webhook", Map.of("enabled", true),
                        "x509", Map.of("clientCAFile", "/etc/kubernetes/pki/ca.crt")))
                .containsEntry("authorization", Map.of("mode", "Webhook"))
                .containsEntry("clusterDNS", List.of("10.96.0.10"))
                .containsEntry("clusterDomain", "cluster.local")
                .containsEntry("resolvConf", "/etc/resolv.conf")
                .containsEntry("rotateCertificates", false)
                .containsEntry("evictionHard", Map.of(
                        "nodefs.available", "0%", "nodefs.inodesFree", "0%", "imagefs.available", "0%"))
                .containsEntry("imageGCHighThresholdPercent", 100)
                .containsEntry("failSwapOn", false)
                .containsEntry("kernelMemcgNotification", false)
                .containsEntry("protectKernelDefaults", false)
                .containsEntry("volumePluginDir", "/proc/kindj-no-flexvolume")
                .containsEntry("featureGates", Map.of("ReloadKubeletServerCertificateFile", false))
                .doesNotContainKeys("staticPodPath", "registerWithTaints", "makeIPTablesUtilChains");
    }

    @Test
    void nestedFieldsAreSortedSoTheSamePlanGivesTheSameBytes() {
        ClusterPlan plan = TestPlans.plan(1, 1);

        String text = text(KubeletFiles.forNode(plan, plan.firstControlPlane(), TestPlans.SYSTEMD).get(1));

        assertThat(text)
                .startsWith("apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n")
                .contains("evictionHard:\n  imagefs.available: 0%\n  nodefs.available: 0%\n  nodefs.inodesFree: 0%\n")
                .contains("registerWithTaints:\n- effect: NoSchedule\n  key: node-role.kubernetes.io/control-plane\n");
    }

    @Test
    void cgroupDriverAndDnsFollowTheNodeAndTheConfig() {
        ClusterPlan plan = TestPlans.withNetworking(Networking.defaults().withServiceSubnet("10.100.0.0/16"));

        Map<String, Object> config = config(plan, plan.workers().get(0), new NodeSettings("cgroupfs"));

        assertThat(config)
                .containsEntry("cgroupDriver", "cgroupfs")
                .containsEntry("clusterDNS", List.of("10.100.0.10"));
    }

    @Test
    void controlPlanesAreTaintedOnlyWhenWorkersCanTakeThePods() {
        Map<String, String> taint = Map.of("key", "node-role.kubernetes.io/control-plane", "effect", "NoSchedule");
        ClusterPlan alone = TestPlans.plan(1, 0);
        ClusterPlan ha = TestPlans.plan(3, 1);

        assertThat(config(alone, alone.firstControlPlane(), TestPlans.SYSTEMD)).doesNotContainKey("registerWithTaints");
        for (PlannedNode controlPlane : ha.controlPlanes()) {
            assertThat(config(ha, controlPlane, TestPlans.SYSTEMD))
                    .as(controlPlane.name())
                    .containsEntry("registerWithTaints", List.of(taint));
        }
        assertThat(config(ha, ha.workers().get(0), TestPlans.SYSTEMD)).doesNotContainKey("registerWithTaints");
    }

    @Test
    void featureGatesAreAMapOfBooleansWithTheClustersOnTopOfKindjs() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0)
                .withFeatureGate("BetaGate", true)
                .withFeatureGate("AlphaGate", false)
                .withFeatureGate("ReloadKubeletServerCertificateFile", true));

        assertThat(config(plan, plan.firstControlPlane(), TestPlans.SYSTEMD)).containsEntry("featureGates",
                Map.of("AlphaGate", false, "BetaGate", true, "ReloadKubeletServerCertificateFile", true));
    }

    @Test
    void nodeSettingsTakeTheImagesFileAsWrittenAndRejectOtherDrivers() {
        assertThat(new NodeSettings("cgroupfs\n").cgroupDriver()).isEqualTo("cgroupfs");
        assertThatThrownBy(() -> new NodeSettings("cgroup2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("systemd or cgroupfs");
        assertThatThrownBy(() -> new NodeSettings(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> config(ClusterPlan plan, PlannedNode node, NodeSettings settings) {
        return new Yaml().load(text(KubeletFiles.forNode(plan, node, settings).get(1)));
    }
}
