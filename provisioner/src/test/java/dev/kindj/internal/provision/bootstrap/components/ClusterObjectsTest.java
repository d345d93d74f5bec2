package dev.kindj.internal.provision.bootstrap.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.Networking;
import dev.kindj.internal.nodeimage.PreloadedImages;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ClusterObjectsTest {

    private final List<Map<String, Object>> objects = load(ClusterObjects.yaml(TestPlans.plan(1, 2)));

    @Test
    void holdsKubeadmsBindingsAndCoreDns() {
        assertThat(objects).extracting(object -> object.get("kind") + "/" + map(object, "metadata").get("name"))
                .containsExactly(
                        "ClusterRoleBinding/kubeadm:cluster-admins",
                        "ClusterRoleBinding/kubeadm:kube-apiserver-kubelet-client",
                        "ServiceAccount/coredns",
                        "ClusterRole/system:coredns",
                        "ClusterRoleBinding/system:coredns",
                        "ConfigMap/coredns",
                        "Deployment/coredns",
                        "Service/kube-dns",
                        "Namespace/local-path-storage",
                        "ServiceAccount/local-path-provisioner-service-account",
                        "Role/local-path-provisioner-role",
                        "ClusterRole/local-path-provisioner-role",
                        "RoleBinding/local-path-provisioner-bind",
                        "ClusterRoleBinding/local-path-provisioner-bind",
                        "ConfigMap/local-path-config",
                        "Deployment/local-path-provisioner",
                        "StorageClass/standard");
    }

    @Test
    void theDefaultStorageClassBindsWhereThePodRunsAndDeletesWithTheClaim() {
        assertThat(object("standard", "StorageClass"))
                .containsEntry("provisioner", "rancher.io/local-path")
                .containsEntry("volumeBindingMode", "WaitForFirstConsumer")
                .containsEntry("reclaimPolicy", "Delete");
        assertThat(map(object("standard", "StorageClass"), "metadata"))
                .containsEntry("annotations", Map.of("storageclass.kubernetes.io/is-default-class", "true"));
        Map<String, Object> podSpec = map(map(map(object("local-path-provisioner", "Deployment"), "spec"), "template"), "spec");
        assertThat(list(podSpec.get("containers")).get(0)).containsEntry("image", PreloadedImages.LOCAL_PATH_PROVISIONER);
        assertThat(map(object("local-path-config", "ConfigMap"), "data").get("helperPod.yaml").toString())
                .contains("image: " + PreloadedImages.LOCAL_PATH_HELPER);
        assertThat(map(object("local-path-config", "ConfigMap"), "data").get("config.json").toString())
                .contains("/var/local-path-provisioner");
    }

    @Test
    void adminGroupIsClusterAdminAndTheApiServerMayUseKubeletApis() {
        assertThat(object("kubeadm:cluster-admins"))
                .containsEntry("roleRef", Map.of(
                        "apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "cluster-admin"))
                .containsEntry("subjects", List.of(Map.of(
                        "apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", "kubeadm:cluster-admins")));
        assertThat(object("kubeadm:kube-apiserver-kubelet-client"))
                .containsEntry("roleRef", Map.of(
                        "apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
                        "name", "system:kubelet-api-admin"))
                .containsEntry("subjects", List.of(Map.of(
                        "apiGroup", "rbac.authorization.k8s.io", "kind", "User",
                        "name", "kube-apiserver-kubelet-client")));
    }

    @Test
    void kubeDnsServiceHasTheTenthServiceAddress() {
        Map<String, Object> spec = map(object("kube-dns"), "spec");

        assertThat(spec).containsEntry("clusterIP", "10.96.0.10").containsEntry("selector", Map.of("k8s-app", "kube-dns"));
        assertThat(list(spec.get("ports")))
                .extracting(port -> port.get("port") + "/" + port.get("protocol"))
                .containsExactly("53/UDP", "53/TCP", "9153/TCP");

        ClusterPlan other = TestPlans.withNetworking(Networking.defaults().withServiceSubnet("10.100.0.0/16"));
        assertThat(map(object(load(ClusterObjects.yaml(other)), "kube-dns"), "spec"))
                .containsEntry("clusterIP", "10.100.0.10");
    }

    @Test
    void coreDnsRunsThePreloadedImageEvenOnTaintedControlPlanes() {
        Map<String, Object> deployment = object("coredns", "Deployment");
        Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> container = list(podSpec.get("containers")).get(0);

        assertThat(map(deployment, "spec")).containsEntry("replicas", 2);
        assertThat(container)
                .containsEntry("image", PreloadedImages.COREDNS)
                .containsEntry("imagePullPolicy", "IfNotPresent");
        assertThat(podSpec)
                .containsEntry("priorityClassName", "system-cluster-critical")
                .containsEntry("serviceAccountName", "coredns")
                .containsEntry("dnsPolicy", "Default");
        assertThat(list(podSpec.get("tolerations")))
                .contains(Map.of("key", "node-role.kubernetes.io/control-plane", "effect", "NoSchedule"));
        assertThat(map(map(container, "readinessProbe"), "httpGet"))
                .containsEntry("path", "/ready").containsEntry("port", "readiness-probe");
        assertThat(map(map(container, "livenessProbe"), "httpGet"))
                .containsEntry("path", "/health").containsEntry("port", "liveness-probe");
        assertThat(list(container.get("ports")))
                .extracting(port -> port.get("name") + "=" + port.get("containerPort"))
                .contains("readiness-probe=8181", "liveness-probe=8080");
        assertThat(map(container, "securityContext"))
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("capabilities", Map.of("add", List.of("NET_BIND_SERVICE"), "drop", List.of("ALL")));
    }

    @Test
    void aOneNodeClusterRunsOneCoreDnsAndLargerOnesKubeadmsTwo() {
        assertThat(map(object(load(ClusterObjects.yaml(TestPlans.plan(1, 0))), "coredns", "Deployment"), "spec"))
                .containsEntry("replicas", 1);
        assertThat(map(object(load(ClusterObjects.yaml(TestPlans.plan(1, 1))), "coredns", "Deployment"), "spec"))
                .containsEntry("replicas", 2);
    }

    @Test
    void corefileServesTheClusterDomainAndForwardsTheRest() {
        String corefile = (String) map(object("coredns", "ConfigMap"), "data").get("Corefile");

        assertThat(corefile.lines().map(String::strip)).contains(
                "kubernetes cluster.local in-addr.arpa ip6.arpa {",
                "pods insecure",
                "fallthrough in-addr.arpa ip6.arpa",
                "ttl 30",
                "prometheus :9153",
                "forward . /etc/resolv.conf {",
                "max_concurrent 1000",
                "cache 30 {",
                "lameduck 5s",
                "loop",
                "reload",
                "loadbalance");
    }

    @Test
    void coreDnsMayReadWhatItServes() {
        assertThat(list(object("system:coredns", "ClusterRole").get("rules"))).containsExactly(
                Map.of("apiGroups", List.of(""),
                        "resources", List.of("endpoints", "services", "pods", "namespaces"),
                        "verbs", List.of("list", "watch")),
                Map.of("apiGroups", List.of("discovery.k8s.io"),
                        "resources", List.of("endpointslices"),
                        "verbs", List.of("list", "watch")));
    }

    private Map<String, Object> object(String name) {
        return object(objects, name);
    }

    private Map<String, Object> object(String name, String kind) {
        return object(objects, name, kind);
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String name, String kind) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")) && name.equals(map(object, "metadata").get("name")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String name) {
        List<Map<String, Object>> named = objects.stream()
                .filter(object -> name.equals(map(object, "metadata").get("name")))
                .toList();
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(document -> documents.add((Map<String, Object>) document));
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> object, String key) {
        return (Map<String, Object>) object.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
