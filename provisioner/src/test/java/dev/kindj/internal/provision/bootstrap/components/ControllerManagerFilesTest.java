package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.Networking;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import org.junit.jupiter.api.Test;

class ControllerManagerFilesTest {

    @Test
    void hasKubeadmsFlagsButLeavesPodRangesToKindj() {
        NodeFile file = ControllerManagerFiles.args(TestPlans.plan(1, 2), TestPlans.plan(1, 2).firstControlPlane());

        assertThat(file.path()).isEqualTo("/etc/kindj/args/kube-controller-manager");
        assertThat(flags(file)).containsOnly(
                entry("bind-address", "127.0.0.1"),
                entry("leader-elect", "true"),
                entry("kubeconfig", "/etc/kubernetes/controller-manager.conf"),
                entry("authentication-kubeconfig", "/etc/kubernetes/controller-manager.conf"),
                entry("authorization-kubeconfig", "/etc/kubernetes/controller-manager.conf"),
                entry("client-ca-file", "/etc/kubernetes/pki/ca.crt"),
                entry("requestheader-client-ca-file", "/etc/kubernetes/pki/front-proxy-ca.crt"),
                entry("root-ca-file", "/etc/kubernetes/pki/ca.crt"),
                entry("service-account-private-key-file", "/etc/kubernetes/pki/sa.key"),
                entry("cluster-signing-cert-file", "/etc/kubernetes/pki/ca.crt"),
                entry("cluster-signing-key-file", "/etc/kubernetes/pki/ca.key"),
                entry("use-service-account-credentials", "true"),
                entry("kube-api-qps", "100"),
                entry("kube-api-burst", "200"),
                entry("controllers", "*,bootstrapsigner,tokencleaner"),
                entry("cluster-name", "demo"),
                entry("cluster-cidr", "10.244.0.0/16"),
                entry("allocate-node-cidrs", "false"),
                entry("service-cluster-ip-range", "10.96.0.0/16"));
    }

    @Test
    void rangesAndFeatureGatesFollowTheConfig() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0)
                .withNetworking(Networking.defaults().withPodSubnet("10.10.0.0/16").withServiceSubnet("10.20.0.0/16"))
                .withFeatureGate("SomeGate", true));

        assertThat(flags(ControllerManagerFiles.args(plan, plan.firstControlPlane())))
                .containsEntry("cluster-cidr", "10.10.0.0/16")
                .containsEntry("service-cluster-ip-range", "10.20.0.0/16")
                .containsEntry("feature-gates", "SomeGate=true");
    }
}
