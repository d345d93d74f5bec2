package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.config.Networking;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServerFilesTest {

    @Test
    void hasKubeadmsFlags() {
        ClusterPlan plan = TestPlans.plan(1, 2);
        NodeFile file = ApiServerFiles.args(plan, plan.firstControlPlane());

        assertThat(file.path()).isEqualTo("/etc/kindj/args/kube-apiserver");
        assertThat(flags(file)).containsOnly(
                entry("advertise-address", "172.28.5.10"),
                entry("secure-port", "6443"),
                entry("allow-privileged", "true"),
                entry("authorization-mode", "Node,RBAC"),
                entry("enable-admission-plugins", "NodeRestriction"),
                entry("client-ca-file", "/etc/kubernetes/pki/ca.crt"),
                entry("tls-cert-file", "/etc/kubernetes/pki/apiserver.crt"),
                entry("tls-private-key-file", "/etc/kubernetes/pki/apiserver.key"),
                entry("etcd-servers", "https://127.0.0.1:2379"),
                entry("etcd-cafile", "/etc/kubernetes/pki/etcd/ca.crt"),
                entry("etcd-certfile", "/etc/kubernetes/pki/apiserver-etcd-client.crt"),
                entry("etcd-keyfile", "/etc/kubernetes/pki/apiserver-etcd-client.key"),
                entry("kubelet-client-certificate", "/etc/kubernetes/pki/apiserver-kubelet-client.crt"),
                entry("kubelet-client-key", "/etc/kubernetes/pki/apiserver-kubelet-client.key"),
                entry("kubelet-preferred-address-types", "InternalIP,ExternalIP,Hostname"),
                entry("proxy-client-cert-file", "/etc/kubernetes/pki/front-proxy-client.crt"),
                entry("proxy-client-key-file", "/etc/kubernetes/pki/front-proxy-client.key"),
                entry("requestheader-client-ca-file", "/etc/kubernetes/pki/front-proxy-ca.crt"),
                entry("requestheader-allowed-names", "front-proxy-client"),
                entry("requestheader-username-headers", "X-Remote-User"),
                entry("requestheader-group-headers", "X-Remote-Group"),
                entry("requestheader-extra-headers-prefix", "X-Remote-Extra-"),
                entry("service-account-issuer", "https://kubernetes.default.svc.cluster.local"),
                entry("service-account-key-file", "/etc/kubernetes/pki/sa.pub"),
                entry("service-account-signing-key-file", "/etc/kubernetes/pki/sa.key"),
                entry("service-cluster-ip-range", "10.96.0.0/16"));
    }

    @Test
    void apiOnlyNodeReachesItsEtcdOverLoopbackHttpWithoutEtcdCredentials() {
        ClusterPlan plan = TestPlans.plan(1, 0);
        Map<String, String> flags = flags(ApiServerFiles.withLoopbackEtcd(plan, plan.firstControlPlane()));

        assertThat(flags).containsEntry("etcd-servers", "http://127.0.0.1:2379")
                .doesNotContainKeys("etcd-cafile", "etcd-certfile", "etcd-keyfile")
                .containsEntry("tls-cert-file", "/etc/kubernetes/pki/apiserver.crt")
                .containsEntry("client-ca-file", "/etc/kubernetes/pki/ca.crt");
        Map<String, String> controlPlane = new HashMap<>(flags(ApiServerFiles.args(plan, plan.firstControlPlane())));
        controlPlane.keySet().removeAll(List.of("etcd-servers", "etcd-cafile", "etcd-certfile", "etcd-keyfile"));
        flags.remove("etcd-servers");
        assertThat(flags).isEqualTo(controlPlane);
    }

    @Test
    void eachControlPlaneAdvertisesItsOwnAddress() {
        ClusterPlan plan = TestPlans.plan(3, 1);

        assertThat(plan.controlPlanes())
                .extracting(node -> flags(ApiServerFiles.args(plan, node)).get("advertise-address"))
                .containsExactly("172.28.5.10", "172.28.5.11", "172.28.5.12");
    }

    @Test
    void featureGatesAndRuntimeConfigAreSortedKeyValueLists() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0)
                .withFeatureGate("ZetaGate", false)
                .withFeatureGate("AlphaGate", true)
                .withRuntimeConfig("resource.k8s.io/v1beta1", "true")
                .withRuntimeConfig("api/alpha", "false"));

        Map<String, String> flags = flags(ApiServerFiles.args(plan, plan.firstControlPlane()));

        assertThat(flags)
                .containsEntry("feature-gates", "AlphaGate=true,ZetaGate=false")
                .containsEntry("runtime-config", "api/alpha=false,resource.k8s.io/v1beta1=true");
    }

    @Test
    void serviceRangeFollowsTheConfig() {
        ClusterPlan plan = TestPlans.withNetworking(Networking.defaults().withServiceSubnet("10.100.0.0/16"));

        assertThat(flags(ApiServerFiles.args(plan, plan.firstControlPlane())))
                .containsEntry("service-cluster-ip-range", "10.100.0.0/16");
    }
}
