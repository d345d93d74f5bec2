package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.config.KubeadmConfig.NodeRegistration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeadmPatchesTest {
    private static final KindConfigFile FILE = new KindConfigFile("patches.yaml");


    @Test
    void readsV1beta3ExtraArgsAsAMap() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiVersion: kubeadm.k8s.io/v1beta3
                  apiServer:
                    extraArgs:
                      enable-admission-plugins: NodeRestriction,AlwaysPullImages
                    certSANs: [my.example.test, 10.1.2.3]
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
                """);

        KubeadmConfig kubeadm = config.kubeadmFor(config.nodes().get(0));
        assertThat(kubeadm.apiServerArgs())
                .containsExactly(Map.entry("enable-admission-plugins", "NodeRestriction,AlwaysPullImages"));
        assertThat(kubeadm.certSANs()).containsExactly("my.example.test", "10.1.2.3");
        assertThat(kubeadm.controllerManagerArgs()).containsExactly(Map.entry("node-monitor-grace-period", "20s"));
        assertThat(kubeadm.schedulerArgs()).containsExactly(Map.entry("v", "4"));
        assertThat(kubeadm.etcdArgs()).containsExactly(Map.entry("quota-backend-bytes", "8589934592"));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void readsV1beta4ExtraArgsAsAListOfNameAndValue() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: InitConfiguration
                  apiVersion: kubeadm.k8s.io/v1beta4
                  nodeRegistration:
                    kubeletExtraArgs:
                    - name: node-labels
                      value: ingress-ready=true,tier=edge
                    - name: v
                      value: "2"
                    taints:
                    - key: dedicated
                      value: infra
                      effect: NoSchedule
                - |
                  kind: ClusterConfiguration
                  apiVersion: kubeadm.k8s.io/v1beta4
                  apiServer:
                    extraArgs:
                    - name: audit-log-maxage
                      value: "3"
                """);

        KubeadmConfig kubeadm = config.kubeadmFor(config.nodes().get(0));
        assertThat(kubeadm.apiServerArgs()).containsExactly(Map.entry("audit-log-maxage", "3"));
        assertThat(kubeadm.registration(true)).isEqualTo(new NodeRegistration(Map.of("v", "2"),
                Map.of("ingress-ready", "true", "tier", "edge"), List.of(new Taint("dedicated", "infra",
                        "NoSchedule"))));
        assertThat(kubeadm.registration(false)).isEqualTo(NodeRegistration.EMPTY);
    }

    @Test
    void mergesPatchesInOrderAndNodePatchesOnlyIntoTheirNode() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: KubeletConfiguration
                  maxPods: 50
                  evictionHard:
                    memory.available: 100Mi
                - |
                  kind: KubeletConfiguration
                  evictionHard:
                    nodefs.available: 5%
                - |
                  kind: KubeProxyConfiguration
                  conntrack:
                    tcpCloseWaitTimeout: 30s
                nodes:
                - role: control-plane
                - role: worker
                  kubeadmConfigPatches:
                  - |
                    kind: KubeletConfiguration
                    maxPods: 20
                  - |
                    kind: JoinConfiguration
                    nodeRegistration:
                      kubeletExtraArgs:
                        node-labels: zone=b
                - role: worker
                """);

        KubeadmConfig controlPlane = config.kubeadmFor(config.nodes().get(0));
        KubeadmConfig patchedWorker = config.kubeadmFor(config.nodes().get(1));
        KubeadmConfig otherWorker = config.kubeadmFor(config.nodes().get(2));
        assertThat(controlPlane.kubelet()).containsExactly(Map.entry("maxPods", 50), Map.entry("evictionHard",
                Map.of("memory.available", "100Mi", "nodefs.available", "5%")));
        assertThat(patchedWorker.kubelet()).containsEntry("maxPods", 20).containsKey("evictionHard");
        assertThat(otherWorker.kubelet()).isEqualTo(controlPlane.kubelet());
        assertThat(patchedWorker.registration(false).labels()).containsExactly(Map.entry("zone", "b"));
        assertThat(otherWorker.registration(false).labels()).isEmpty();
        assertThat(otherWorker.kubeProxy()).containsExactly(Map.entry("conntrack", Map.of("tcpCloseWaitTimeout",
                "30s")));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void laterArgsOverrideEarlierOnes() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    extraArgs:
                      v: "2"
                      audit-log-maxage: "3"
                nodes:
                - role: control-plane
                  kubeadmConfigPatches:
                  - |
                    kind: ClusterConfiguration
                    apiServer:
                      extraArgs:
                      - name: v
                        value: "5"
                """);

        assertThat(config.kubeadmFor(config.nodes().get(0)).apiServerArgs())
                .containsExactly(Map.entry("v", "5"), Map.entry("audit-log-maxage", "3"));
    }

    @Test
    void warnsAboutFieldsNotSupportedYetByName() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    timeoutForControlPlane: 4m0s
                  metadata:
                    name: config
                """);

        assertThat(config.warnings()).containsExactly("kubeadmConfigPatches[0].apiServer.timeoutForControlPlane: "
                + "kindj does not support this kubeadm patch field yet; it is ignored");
    }

    @Test
    void acceptsKindsAuditGuideVolumesWhereTheNodesPathIsTheComponentsPath() {
        String audit = """
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    extraArgs:
                      audit-log-path: /var/log/kubernetes/kube-apiserver-audit.log
                      audit-policy-file: /etc/kubernetes/policies/audit-policy.yaml
                    extraVolumes:
                      - name: audit-policies
                        hostPath: /etc/kubernetes/policies
                        mountPath: /etc/kubernetes/policies
                        readOnly: true
                        pathType: "DirectoryOrCreate"
                """;

        assertThat(FILE.parse(audit).warnings()).isEmpty();
        assertThat(FILE.problem(audit.replace("mountPath: /etc/kubernetes/policies", "mountPath: /etc/policies")))
                .isEqualTo("patches.yaml:13:20: kubeadmConfigPatches[0].apiServer.extraVolumes[0].mountPath: kindj "
                        + "runs the component on the node itself, where it sees '/etc/kubernetes/policies' directly; "
                        + "use the same path as hostPath (and in the component's flags)");
    }

    @Test
    void pointsAtTheLineInsideABlockPatch() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    extraArgs:
                      secure-port: "7443"
                """)).isEqualTo("patches.yaml:8:20: kubeadmConfigPatches[0].apiServer.extraArgs.secure-port: "
                + "--secure-port of kube-apiserver cannot be changed: kindj's bootstrap sets it (its certificates, "
                + "ports and addresses depend on it)");
    }

    @Test
    void leavesFileFlagsKindjDoesNotSetToTheUser() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    extraArgs:
                      oidc-ca-file: /etc/oidc/ca.crt
                      audit-policy-file: /etc/audit/policy.yaml
                """);

        assertThat(config.kubeadmFor(config.nodes().get(0)).apiServerArgs()).containsOnlyKeys("oidc-ca-file",
                "audit-policy-file");
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  scheduler:
                    extraArgs:
                      authentication-kubeconfig: /etc/mine.conf
                """)).contains("--authentication-kubeconfig of kube-scheduler cannot be changed");
    }

    @Test
    void refusesCertificatePathsAndDroppingKindjsSecurityFlags() {
        assertThat(FILE.problem("""
                nodes:
                - role: control-plane
                  kubeadmConfigPatches:
                  - |
                    kind: ClusterConfiguration
                    apiServer:
                      extraArgs:
                        tls-cert-file: /tmp/mine.crt
                        authorization-mode: AlwaysAllow
                    certificatesDir: /etc/mine
                """)).isEqualTo(String.join("\n",
                "patches.yaml:10:24: nodes[0].kubeadmConfigPatches[0].apiServer.extraArgs.tls-cert-file: "
                        + "--tls-cert-file of kube-apiserver cannot be changed: kindj's bootstrap sets it (its "
                        + "certificates, ports and addresses depend on it)",
                "patches.yaml:11:29: nodes[0].kubeadmConfigPatches[0].apiServer.extraArgs.authorization-mode: "
                        + "--authorization-mode of kube-apiserver cannot be changed: the value may add modes to "
                        + "kindj's Node,RBAC but must keep both",
                "patches.yaml:12:22: nodes[0].kubeadmConfigPatches[0].certificatesDir: cannot be patched: kindj "
                        + "writes its certificates where its components expect them"));
    }

    @Test
    void refusesPatchesThatAreNotYaml() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer: [unclosed
                """)).isEqualTo("patches.yaml:7:3: kubeadmConfigPatches[0]: the patch is not valid YAML: expected ',' or ']', but got <stream end>");
    }

    @Test
    void refusesUnknownKindsAndApiVersions() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: KubeletConfig
                - |
                  kind: ClusterConfiguration
                  apiVersion: kubeadm.k8s.io/v1beta2
                """)).isEqualTo(String.join("\n",
                "patches.yaml:5:9: kubeadmConfigPatches[0].kind: 'KubeletConfig' is not a kind kindj can patch; kind "
                        + "applies a patch to the document of the same kind, one of ClusterConfiguration, "
                        + "InitConfiguration, JoinConfiguration, KubeletConfiguration, KubeProxyConfiguration",
                "patches.yaml:8:15: kubeadmConfigPatches[1].apiVersion: 'kubeadm.k8s.io/v1beta2' is not an API "
                        + "version of ClusterConfiguration kindj reads; use kubeadm.k8s.io/v1beta3 or "
                        + "kubeadm.k8s.io/v1beta4, or leave apiVersion out to patch any version"));
    }

    @Test
    void refusesValuesOfTheWrongType() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: KubeletConfiguration
                  maxPods: fifty
                - |
                  kind: ClusterConfiguration
                  apiVersion: kubeadm.k8s.io/v1beta4
                  scheduler:
                    extraArgs:
                      v: "4"
                """)).isEqualTo(String.join("\n",
                "patches.yaml:6:12: kubeadmConfigPatches[0].maxPods: expected an integer",
                "patches.yaml:12:7: kubeadmConfigPatches[1].scheduler.extraArgs: kubeadm.k8s.io/v1beta4 writes "
                        + "extraArgs as a list of name and value"));
    }

    @Test
    void refusesNetworkingThatContradictsKinds() {
        assertThat(FILE.problem("""
                networking:
                  podSubnet: 10.200.0.0/16
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  networking:
                    podSubnet: 10.244.0.0/16
                    serviceSubnet: 10.96.0.0/16
                """)).isEqualTo("patches.yaml:9:16: kubeadmConfigPatches[0].networking.podSubnet: conflicts with "
                + "networking.podSubnet '10.200.0.0/16'; set it there instead");
    }

    @Test
    void refusesBadTaintsAndLabels() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: JoinConfiguration
                  nodeRegistration:
                    kubeletExtraArgs:
                      node-labels: ingress-ready
                    taints:
                    - key: dedicated
                      effect: Sometimes
                """)).isEqualTo(String.join("\n",
                "patches.yaml:8:7: kubeadmConfigPatches[0].nodeRegistration.kubeletExtraArgs.node-labels: "
                        + "'ingress-ready' is not key=value",
                "patches.yaml:10:7: kubeadmConfigPatches[0].nodeRegistration.taints[0].effect: 'Sometimes' is not a "
                        + "taint effect; use NoExecute, NoSchedule, PreferNoSchedule"));
    }

    @Test
    void checksNodeLabelsLikeKindsLabels() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: InitConfiguration
                  nodeRegistration:
                    kubeletExtraArgs:
                      node-labels: "ingress-ready=true,bad key=x"
                """)).startsWith("patches.yaml:8:7: kubeadmConfigPatches[0].nodeRegistration.kubeletExtraArgs"
                + ".node-labels: ");
    }

    @Test
    void pointsAtTheFieldWhenThePatchIsAQuotedString() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - "kind: KubeProxyConfiguration\\nclientConnection: {}"
                """)).startsWith("patches.yaml:4:3: kubeadmConfigPatches[0].clientConnection: kindj's bootstrap "
                + "sets clientConnection itself");
    }
}
