package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class KubeProxyFilesTest {

    @Test
    void runsWithFlagsAndNoConfigFileItWouldWatch() {
        ClusterPlan plan = TestPlans.plan(1, 2);

        List<NodeFile> files = KubeProxyFiles.forNode(plan, plan.workers().get(0));

        assertThat(files).extracting(NodeFile::path).containsExactly("/etc/kindj/args/kube-proxy");
        assertThat(files.get(0).mode()).isEqualTo(NodeFile.PUBLIC);
        assertThat(flags(files.get(0))).containsExactly(
                entry("kubeconfig", "/etc/kubernetes/kube-proxy.conf"),
                entry("proxy-mode", "iptables"),
                entry("cluster-cidr", "10.244.0.0/16"),
                entry("bind-address", "0.0.0.0"),
                entry("healthz-bind-address", "0.0.0.0:10256"),
                entry("metrics-bind-address", "127.0.0.1:10249"),
                // 0 leaves nf_conntrack_max and the conntrack hash size, both the host's, alone
                entry("conntrack-max-per-core", "0"),
                entry("hostname-override", "demo-worker"));
        assertThat(KubeProxyFiles.readsConfigFile(plan.config(), plan.workers().get(0).config())).isFalse();
    }

    @Test
    void nftablesModeIsLiberalAboutOutOfWindowTcp() {
        ClusterPlan plan = TestPlans.withKubeProxyMode(KubeProxyMode.NFTABLES);

        assertThat(flags(KubeProxyFiles.forNode(plan, plan.firstControlPlane()).get(0)))
                .containsEntry("proxy-mode", "nftables")
                .containsEntry("conntrack-max-per-core", "0")
                .containsEntry("conntrack-tcp-be-liberal", "true");
    }

    @Test
    void passesFeatureGates() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0).withFeatureGate("SomeGate", true));

        assertThat(flags(KubeProxyFiles.forNode(plan, plan.firstControlPlane()).get(0)))
                .containsEntry("feature-gates", "SomeGate=true");
    }

    @Test
    void aKubeadmPatchGetsTheSameSettingsAsAConfigFileWithThePatchOnTop() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0)
                .withNetworking(Networking.defaults().withKubeProxyMode(KubeProxyMode.NFTABLES))
                .withFeatureGate("SomeGate", true)
                .withKubeadmConfigPatch("""
                        kind: KubeProxyConfiguration
                        conntrack:
                          tcpCloseWaitTimeout: 30s
                        """));

        List<NodeFile> files = KubeProxyFiles.forNode(plan, plan.firstControlPlane());

        assertThat(files).extracting(NodeFile::path)
                .containsExactly("/etc/kindj/args/kube-proxy", "/var/lib/kube-proxy/config.conf");
        assertThat(flags(files.get(0))).containsExactly(
                entry("config", "/var/lib/kube-proxy/config.conf"),
                entry("hostname-override", "demo-control-plane"));
        Map<String, Object> config = new Yaml().load(text(files.get(1)));
        assertThat(config)
                .containsEntry("apiVersion", "kubeproxy.config.k8s.io/v1alpha1")
                .containsEntry("kind", "KubeProxyConfiguration")
                .containsEntry("mode", "nftables")
                .containsEntry("clientConnection", Map.of("kubeconfig", "/etc/kubernetes/kube-proxy.conf"))
                .containsEntry("clusterCIDR", "10.244.0.0/16")
                .containsEntry("bindAddress", "0.0.0.0")
                .containsEntry("metricsBindAddress", "127.0.0.1:10249")
                .containsEntry("healthzBindAddress", "0.0.0.0:10256")
                .containsEntry("conntrack", Map.of("maxPerCore", 0, "tcpBeLiberal", true, "tcpCloseWaitTimeout", "30s"))
                .containsEntry("featureGates", Map.of("SomeGate", true));
        assertThat(KubeProxyFiles.readsConfigFile(plan.config(), plan.firstControlPlane().config())).isTrue();
    }

    @Test
    void noKubeProxyMeansNoFiles() {
        ClusterPlan plan = TestPlans.withKubeProxyMode(KubeProxyMode.NONE);

        assertThat(KubeProxyFiles.forNode(plan, plan.workers().get(0))).isEmpty();
    }

    @Test
    void ipvsIsRefusedWithTheWayOut() {
        ClusterPlan plan = TestPlans.withKubeProxyMode(KubeProxyMode.IPVS);

        assertThatThrownBy(() -> KubeProxyFiles.forNode(plan, plan.firstControlPlane()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ip_vs kernel module")
                .hasMessageContaining("iptables or nftables");
    }
}
