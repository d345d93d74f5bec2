package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.KubeProxyMode;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class KubeProxyFilesTest {

    @Test
    void runsWithItsConfigAsTheNode() {
        ClusterPlan plan = TestPlans.plan(1, 2);

        List<NodeFile> files = KubeProxyFiles.forNode(plan, plan.workers().get(0));

        assertThat(files).extracting(NodeFile::path)
                .containsExactly("/etc/kindj/args/kube-proxy", "/var/lib/kube-proxy/config.conf");
        assertThat(files).extracting(NodeFile::mode).containsOnly(NodeFile.PUBLIC);
        assertThat(flags(files.get(0))).containsExactly(
                entry("config", "/var/lib/kube-proxy/config.conf"),
                entry("hostname-override", "demo-worker"));
    }

    @Test
    void iptablesConfigLeavesHostGlobalConntrackSettingsAlone() {
        Map<String, Object> config = config(TestPlans.plan(1, 0));

        assertThat(config)
                .containsEntry("apiVersion", "kubeproxy.config.k8s.io/v1alpha1")
                .containsEntry("kind", "KubeProxyConfiguration")
                .containsEntry("mode", "iptables")
                .containsEntry("clientConnection", Map.of("kubeconfig", "/etc/kubernetes/kube-proxy.conf"))
                .containsEntry("clusterCIDR", "10.244.0.0/16")
                .containsEntry("bindAddress", "0.0.0.0")
                .containsEntry("metricsBindAddress", "127.0.0.1:10249")
                .containsEntry("healthzBindAddress", "0.0.0.0:10256")
                .containsEntry("conntrack", Map.of("maxPerCore", 0))
                .doesNotContainKey("featureGates");
    }

    @Test
    void nftablesModeIsLiberalAboutOutOfWindowTcp() {
        Map<String, Object> config = config(TestPlans.withKubeProxyMode(KubeProxyMode.NFTABLES));

        assertThat(config)
                .containsEntry("mode", "nftables")
                .containsEntry("conntrack", Map.of("maxPerCore", 0, "tcpBeLiberal", true));
    }

    @Test
    void passesFeatureGates() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0).withFeatureGate("SomeGate", true));

        assertThat(config(plan)).containsEntry("featureGates", Map.of("SomeGate", true));
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

    private static Map<String, Object> config(ClusterPlan plan) {
        return new Yaml().load(text(KubeProxyFiles.forNode(plan, plan.firstControlPlane()).get(1)));
    }
}
