package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeadmJsonPatchesTest {
    private static final KindConfigFile FILE = new KindConfigFile("json.yaml");


    private static KubeadmConfig first(ClusterConfig config) {
        return config.kubeadmFor(config.nodes().get(0));
    }

    @Test
    void appliesV1beta3OperationsToKindsGeneratedClusterConfiguration() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta3
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /apiServer/certSANs/-
                      value: my.example.test
                    - op: add
                      path: /apiServer/extraArgs/audit-log-maxage
                      value: "3"
                    - op: replace
                      path: /controllerManager/extraArgs/enable-hostpath-provisioner
                      value: "false"
                    - op: add
                      path: /etcd/local/extraArgs/quota-backend-bytes
                      value: "8589934592"
                """);

        KubeadmConfig kubeadm = first(config);
        assertThat(kubeadm.certSANs()).containsExactly("my.example.test");
        assertThat(kubeadm.apiServerArgs()).containsExactly(Map.entry("audit-log-maxage", "3"));
        assertThat(kubeadm.controllerManagerArgs()).containsExactly(Map.entry("enable-hostpath-provisioner", "false"));
        assertThat(kubeadm.etcdArgs()).containsExactly(Map.entry("quota-backend-bytes", "8589934592"));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void appliesV1beta4OperationsToListsOfNameAndValue() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta4
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /scheduler/extraArgs/-
                      value: {name: v, value: "4"}
                - group: kubeadm.k8s.io
                  version: v1beta4
                  kind: InitConfiguration
                  patch: |
                    - op: replace
                      path: /nodeRegistration/kubeletExtraArgs/0/value
                      value: ingress-ready=true
                    - op: add
                      path: /nodeRegistration/taints
                      value: []
                """);

        KubeadmConfig kubeadm = first(config);
        assertThat(kubeadm.schedulerArgs()).containsExactly(Map.entry("v", "4"));
        assertThat(kubeadm.registration(true).labels()).containsExactly(Map.entry("ingress-ready", "true"));
        assertThat(kubeadm.registration(true).taints()).isEmpty();
        assertThat(kubeadm.registration(false).labels()).isEmpty();
    }

    @Test
    void withoutAVersionPatchesTheVersionKindGeneratesToday() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  kind: ClusterConfiguration
                  patch: '[{"op": "add", "path": "/apiServer/extraArgs/-", "value": {"name": "v", "value": "2"}}]'
                """);

        assertThat(first(config).apiServerArgs()).containsExactly(Map.entry("v", "2"));
    }

    @Test
    void seesWhatMergePatchesSetAndAppliesNodePatchesToTheirNodeOnlyAfterTheClusters() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatches:
                - |
                  kind: KubeletConfiguration
                  maxPods: 50
                kubeadmConfigPatchesJSON6902:
                - group: kubelet.config.k8s.io
                  version: v1beta1
                  kind: KubeletConfiguration
                  patch: |
                    - op: replace
                      path: /maxPods
                      value: 40
                nodes:
                - role: control-plane
                - role: worker
                  kubeadmConfigPatches:
                  - |
                    kind: KubeletConfiguration
                    podPidsLimit: 1000
                  kubeadmConfigPatchesJSON6902:
                  - group: kubelet.config.k8s.io
                    version: v1beta1
                    kind: KubeletConfiguration
                    patch: |
                      - op: test
                        path: /maxPods
                        value: 40
                      - op: replace
                        path: /podPidsLimit
                        value: 2000
                      - op: add
                        path: /evictionHard
                        value: {memory.available: 100Mi}
                  - group: kubeadm.k8s.io
                    version: v1beta3
                    kind: JoinConfiguration
                    patch: |
                      - op: add
                        path: /nodeRegistration/kubeletExtraArgs/node-labels
                        value: zone=b
                - role: worker
                """);

        assertThat(first(config).kubelet()).containsExactly(Map.entry("maxPods", 40));
        assertThat(config.kubeadmFor(config.nodes().get(1)).kubelet()).containsExactly(Map.entry("maxPods", 40),
                Map.entry("podPidsLimit", 2000), Map.entry("evictionHard", Map.of("memory.available", "100Mi")));
        assertThat(config.kubeadmFor(config.nodes().get(1)).registration(false).labels())
                .containsExactly(Map.entry("zone", "b"));
        assertThat(config.kubeadmFor(config.nodes().get(2)).kubelet()).containsExactly(Map.entry("maxPods", 40));
        assertThat(config.kubeadmFor(config.nodes().get(2)).registration(false).labels()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void warnsAboutFieldsKindjDoesNotMapAndNodeSettingsNoNodeReads() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta3
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /apiServer/timeoutForControlPlane
                      value: 4m0s
                nodes:
                - role: control-plane
                - role: worker
                  kubeadmConfigPatchesJSON6902:
                  - group: kubeadm.k8s.io
                    kind: InitConfiguration
                    patch: |
                      - op: add
                        path: /nodeRegistration/kubeletExtraArgs/-
                        value: {name: v, value: "2"}
                """);

        assertThat(config.warnings()).containsExactly(
                "kubeadmConfigPatchesJSON6902[0].patch.apiServer.timeoutForControlPlane: kindj does not support this "
                        + "kubeadm patch field yet; it is ignored",
                "nodes[1].kubeadmConfigPatchesJSON6902: only the first control-plane node is set up with "
                        + "InitConfiguration (the others join); its InitConfiguration settings are ignored, use "
                        + "JoinConfiguration");
    }

    @Test
    void refusesWhatKindjsBootstrapSetsAtTheOperationThatSetsIt() {
        assertThat(FILE.problem("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta3
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /apiServer/extraArgs/secure-port
                      value: "7443"
                """)).isEqualTo("json.yaml:8:7: kubeadmConfigPatchesJSON6902[0].patch.apiServer.extraArgs.secure-port: "
                + "--secure-port of kube-apiserver cannot be changed: kindj's bootstrap sets it (its certificates, "
                + "ports and addresses depend on it)");
    }

    @Test
    void refusesRemovingWhatKindOrAnEarlierPatchSets() {
        assertThat(FILE.problem("""
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    extraArgs:
                      audit-log-maxage: "3"
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta3
                  kind: ClusterConfiguration
                  patch: |
                    - op: remove
                      path: /apiServer/certSANs/0
                    - op: remove
                      path: /apiServer/extraArgs/audit-log-maxage
                """)).isEqualTo(String.join("\n",
                "json.yaml:14:7: kubeadmConfigPatchesJSON6902[0].patch[0]: removes \"localhost\" from "
                        + "/apiServer/certSANs, which kind's generated configuration or an earlier patch sets; kindj "
                        + "can add to those settings and change them, but not drop them: leave it in, or take it out "
                        + "of the earlier patch",
                "json.yaml:16:7: kubeadmConfigPatchesJSON6902[0].patch[1]: removes "
                        + "/apiServer/extraArgs/audit-log-maxage (\"3\"), which kind's generated configuration or an "
                        + "earlier patch sets; kindj can add to those settings and change them, but not drop them: "
                        + "leave it in, or take it out of the earlier patch"));
    }

    @Test
    void pointsAtTheOperationWhosePathDoesNotExist() {
        assertThat(FILE.problem("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta3
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /apiServer/certSANs/-
                      value: my.example.test
                    - op: replace
                      path: /apiServer/timeoutForControlPlane
                      value: 4m0s
                """)).isEqualTo("json.yaml:11:7: kubeadmConfigPatchesJSON6902[0].patch[1]: 'replace "
                + "/apiServer/timeoutForControlPlane' does not apply to the ClusterConfiguration document kindj "
                + "patches (Missing field \"timeoutForControlPlane\"); that document holds what kind generates for "
                + "the fields kindj maps (see the README) and what earlier patches set, and 'add' creates a field");
    }

    @Test
    void refusesPatchesThatAreNotListsOfOperations() {
        assertThat(FILE.problem("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: [unclosed
                - group: kubeadm.k8s.io
                  kind: ClusterConfiguration
                  patch: |
                    op: add
                    path: /apiServer/certSANs/-
                - group: kubeadm.k8s.io
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /apiServer/certSANs/-
                    - op: rename
                      path: /apiServer
                """)).isEqualTo(String.join("\n",
                "json.yaml:9:5: kubeadmConfigPatchesJSON6902[0].patch: the patch is not valid YAML or JSON: expected "
                        + "',' or ']', but got <stream end>",
                "json.yaml:12:5: kubeadmConfigPatchesJSON6902[1].patch: a JSON 6902 patch is a list of operations "
                        + "such as '- op: add' with 'path' and 'value'",
                "json.yaml:17:7: kubeadmConfigPatchesJSON6902[2].patch[0]: 'add' needs a 'value'",
                "json.yaml:19:7: kubeadmConfigPatchesJSON6902[2].patch[1]: 'op' must be one of add, copy, move, "
                        + "remove, replace, test, not 'rename'"));
    }

    @Test
    void refusesUnknownGroupsVersionsAndKinds() {
        assertThat(FILE.problem("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta2
                  kind: ClusterConfiguration
                  patch: "[]"
                - group: kubelet.config.k8s.io
                  kind: ClusterConfiguration
                  patch: "[]"
                - group: kubeadm.k8s.io
                  kind: KubeletConfig
                  patch: "[]"
                - kind: KubeProxyConfiguration
                """)).isEqualTo(String.join("\n",
                "json.yaml:5:12: kubeadmConfigPatchesJSON6902[0].version: 'v1beta2' is not a version of "
                        + "ClusterConfiguration kindj reads; use v1beta3 or v1beta4, or leave version out to patch any "
                        + "version",
                "json.yaml:8:10: kubeadmConfigPatchesJSON6902[1].group: 'kubelet.config.k8s.io' is not the group of "
                        + "ClusterConfiguration; use 'group: kubeadm.k8s.io'",
                "json.yaml:12:9: kubeadmConfigPatchesJSON6902[2].kind: 'KubeletConfig' is not a kind kindj can patch; "
                        + "kind applies the patch to its generated document of that kind, one of ClusterConfiguration, "
                        + "InitConfiguration, JoinConfiguration, KubeletConfiguration, KubeProxyConfiguration",
                "json.yaml:14:3: kubeadmConfigPatchesJSON6902[3].group: required; use 'group: "
                        + "kubeproxy.config.k8s.io'"));
    }

    @Test
    void requiresTheOperations() {
        assertThat(FILE.problem("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeproxy.config.k8s.io
                  kind: KubeProxyConfiguration
                """)).isEqualTo("json.yaml:4:3: kubeadmConfigPatchesJSON6902[0].patch: required; a list of RFC 6902 "
                + "operations such as '- op: add' with 'path' and 'value'");
    }

    @Test
    void theBuilderTakesClusterWidePatchesWithTheSameChecks() {
        ClusterConfig config = ClusterConfig.builder().withControlPlanes(1).withWorkers(1)
                .withKubeadmConfigPatchJSON6902("kubeadm.k8s.io", "v1beta4", "JoinConfiguration", """
                        - op: add
                          path: /nodeRegistration/kubeletExtraArgs/-
                          value: {name: node-labels, value: tier=backend}
                        """).build();

        assertThat(config.kubeadmFor(config.nodes().get(1)).registration(false).labels())
                .containsExactly(Map.entry("tier", "backend"));
        assertThatThrownBy(() -> ClusterConfig.builder()
                .withKubeadmConfigPatchJSON6902("kubeadm.k8s.io", "v1beta3", "ClusterConfiguration", """
                        - op: remove
                          path: /networking/podSubnet
                        """).build())
                .hasMessage("ClusterConfig.builder(): kubeadmConfigPatchesJSON6902[0].patch[0]: removes "
                        + "/networking/podSubnet (\"10.244.0.0/16\"), which kind's generated configuration or an "
                        + "earlier patch sets; kindj can add to those settings and change them, but not drop them: "
                        + "leave it in, or take it out of the earlier patch");
    }

    @Test
    void keepsPatchesWithoutEffectOutOfTheConfiguration() {
        ClusterConfig config = FILE.parse("""
                kubeadmConfigPatchesJSON6902:
                - group: kubeproxy.config.k8s.io
                  version: v1alpha1
                  kind: KubeProxyConfiguration
                  patch: |
                    - op: test
                      path: /mode
                      value: iptables
                """);

        assertThat(config.kubeadmConfigPatches()).isEqualTo(List.of());
    }
}
