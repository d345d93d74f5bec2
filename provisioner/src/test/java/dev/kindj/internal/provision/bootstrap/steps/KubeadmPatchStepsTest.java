package dev.kindj.internal.provision.bootstrap.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.ClusterPlanner;
import org.junit.jupiter.api.Test;

/** kubeadm patches that act through the bootstrap's steps rather than through files: labels and certificates. */
class KubeadmPatchStepsTest {

    @Test
    void nodeLabelsFromPatchesAreAppliedNextToKindsLabels() {
        NodeConfig ingress = NodeConfig.controlPlane().withLabel("zone", "a").withKubeadmConfigPatch("""
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-labels: "ingress-ready=true"
                """);
        ClusterPlan plan = plan(ClusterConfig.builder().withNode(ingress).withWorkers(1));

        assertThat(RegisterNodes.labels(plan, plan.firstControlPlane())).containsExactly(
                entry("node-role.kubernetes.io/control-plane", ""),
                entry("node.kubernetes.io/exclude-from-external-load-balancers", ""),
                entry("ingress-ready", "true"), entry("zone", "a"));
        assertThat(RegisterNodes.patch(plan, plan.workers().get(0))).isEqualTo("{\"metadata\":{\"labels\":{}},"
                + "\"spec\":{\"podCIDR\":\"" + plan.workers().get(0).podCidr() + "\",\"podCIDRs\":[\""
                + plan.workers().get(0).podCidr() + "\"]}}");
        assertThat(RegisterNodes.labels(plan, plan.workers().get(0))).isEmpty();
    }

    @Test
    void certSansFromPatchesAreInTheApiServersCertificate() {
        ClusterPlan plan = plan(ClusterConfig.builder().withControlPlanes(1).withKubeadmConfigPatch("""
                kind: ClusterConfiguration
                apiServer:
                  certSANs: [api.example.test, 10.1.2.3]
                """));

        assertThat(GenerateCertificates.request(plan, plan.nodes(), "127.0.0.1").extraApiServerSans())
                .contains("api.example.test", "10.1.2.3");
    }

    private static ClusterPlan plan(ClusterConfig.Builder builder) {
        return ClusterPlanner.plan(builder.build(), "172.28.5.0/24", "img", "lb-img");
    }
}
