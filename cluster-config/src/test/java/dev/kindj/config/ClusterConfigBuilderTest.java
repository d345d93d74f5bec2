package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigBuilderTest {

    @Test
    void buildsNodesInTheOrderGiven() {
        NodeConfig ingress = NodeConfig.worker()
                .withImage("kindest/node:v1.33.1")
                .withLabel("ingress-ready", "true")
                .withExtraPortMapping(PortMapping.of(80, 8080))
                .withExtraMount(Mount.of("/srv/data", "/data"));

        ClusterConfig config = ClusterConfig.builder()
                .withName("ci")
                .withControlPlanes(3)
                .withWorkers(2)
                .withNode(ingress)
                .withNetworking(Networking.defaults().withApiServerPort(6443).withKubeProxyMode(KubeProxyMode.NFTABLES))
                .withFeatureGate("InPlacePodVerticalScaling", true)
                .withRuntimeConfig("api/alpha", "false")
                .withContainerdConfigPatch("[plugins]")
                .build();

        assertThat(config.name()).isEqualTo("ci");
        assertThat(config.controlPlanes()).hasSize(3).containsOnly(NodeConfig.controlPlane());
        assertThat(config.workers()).containsExactly(NodeConfig.worker(), NodeConfig.worker(), ingress);
        assertThat(config.nodes().get(5).extraPortMappings())
                .containsExactly(new PortMapping(80, 8080, "0.0.0.0", PortProtocol.TCP));
        assertThat(config.networking().apiServerPort()).isEqualTo(6443);
        assertThat(config.networking().kubeProxyMode()).isEqualTo(KubeProxyMode.NFTABLES);
        assertThat(config.featureGates()).containsEntry("InPlacePodVerticalScaling", true);
        assertThat(config.runtimeConfig()).containsEntry("api/alpha", "false");
        assertThat(config.containerdConfigPatches()).containsExactly("[plugins]");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void buildsTheSameModelAsTheEquivalentYaml() {
        ClusterConfig built = ClusterConfig.builder()
                .withName("dev")
                .withControlPlanes(1)
                .withNode(NodeConfig.worker().withLabel("ingress-ready", "true")
                        .withExtraPortMapping(new PortMapping(443, 8443, "127.0.0.1", PortProtocol.TCP)))
                .withNetworking(Networking.defaults().withPodSubnet("10.100.0.0/16")
                        .withServiceSubnet("10.200.0.0/16").withDisableDefaultCNI(true)
                        .withApiServerAddress("0.0.0.0"))
                .build();

        ClusterConfig parsed = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: dev
                nodes:
                - role: control-plane
                - role: worker
                  labels: {ingress-ready: "true"}
                  extraPortMappings:
                  - {containerPort: 443, hostPort: 8443, listenAddress: 127.0.0.1}
                networking:
                  podSubnet: 10.100.0.0/16
                  serviceSubnet: 10.200.0.0/16
                  disableDefaultCNI: true
                  apiServerAddress: 0.0.0.0
                """, "dev.yaml");

        assertThat(built).isEqualTo(parsed);
    }

    @Test
    void defaultsToOneControlPlane() {
        ClusterConfig config = ClusterConfig.builder().build();

        assertThat(config.name()).isEqualTo("kind");
        assertThat(config.nodes()).containsExactly(NodeConfig.controlPlane());
        assertThat(config.networking()).isEqualTo(Networking.defaults());
    }

    @Test
    void reportsEveryProblemOnBuild() {
        assertThatThrownBy(() -> ClusterConfig.builder()
                .withName("CI")
                .withWorkers(1)
                .withNode(NodeConfig.controlPlane().withExtraMount(Mount.of("/srv", "srv")))
                .withNetworking(Networking.defaults().withApiServerPort(-5))
                .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                        ClusterConfig.builder(): name: 'CI' is not a valid cluster name; use lower-case letters, \
                        digits, '.' and '-', starting with a letter or digit
                        ClusterConfig.builder(): nodes[1].extraMounts[0].containerPath: 'srv' is not an absolute \
                        path; it must start with '/'
                        ClusterConfig.builder(): networking.apiServerPort: port -5 is out of range 0-65535""");
    }

    @Test
    void requiresAControlPlane() {
        assertThatThrownBy(() -> ClusterConfig.builder().withWorkers(2).build())
                .hasMessageContaining("nodes: no node has role control-plane");
    }

    @Test
    void refusesNegativeNodeCounts() {
        assertThatThrownBy(() -> ClusterConfig.builder().withWorkers(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node count must not be negative, got -1");
    }

    @Test
    void warnsAboutKubeadmPatchesNoNodeReads() {
        NodeConfig patched = NodeConfig.worker().withKubeadmConfigPatch("""
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-labels: a=b
                """);

        ClusterConfig config = ClusterConfig.builder().withControlPlanes(1).withNode(patched).build();

        assertThat(config.warnings()).containsExactly("nodes[1].kubeadmConfigPatches: only the first control-plane "
                + "node is set up with InitConfiguration (the others join); its InitConfiguration settings are "
                + "ignored, use JoinConfiguration");
    }

    @Test
    void appliesBuilderPatchesToEveryNodeAndNodePatchesToTheirNode() {
        NodeConfig patched = NodeConfig.worker().withKubeadmConfigPatch("""
                kind: KubeletConfiguration
                maxPods: 30
                """);

        ClusterConfig config = ClusterConfig.builder().withControlPlanes(1).withWorkers(1).withNode(patched)
                .withKubeadmConfigPatch("kind: KubeletConfiguration\nmaxPods: 50\nserializeImagePulls: false\n")
                .build();

        assertThat(config.warnings()).isEmpty();
        assertThat(config.kubeadmFor(config.nodes().get(1)).kubelet())
                .containsExactly(Map.entry("maxPods", 50), Map.entry("serializeImagePulls", false));
        assertThat(config.kubeadmFor(config.nodes().get(2)).kubelet())
                .containsExactly(Map.entry("maxPods", 30), Map.entry("serializeImagePulls", false));
    }

    @Test
    void refusesBadBuilderPatchesWithoutALine() {
        assertThatThrownBy(() -> ClusterConfig.builder().withKubeadmConfigPatch("kind: Cluster").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ClusterConfig.builder(): kubeadmConfigPatches[0].kind: 'Cluster' is not a "
                        + "kind kindj can patch");
    }

    @Test
    void warnsAboutAnEvenNumberOfControlPlanesOnly() {
        assertThat(ClusterConfig.builder().withControlPlanes(2).withWorkers(1).build().warnings()).containsExactly(
                "nodes: 2 control-plane nodes survive no more failures than 1 (etcd needs a majority of them);"
                        + " use an odd number");
        assertThat(ClusterConfig.builder().withControlPlanes(4).build().warnings()).singleElement().asString()
                .startsWith("nodes: 4 control-plane nodes survive no more failures than 3 ");
        assertThat(ClusterConfig.builder().withControlPlanes(3).withWorkers(2).build().warnings()).isEmpty();
        assertThat(ClusterConfig.builder().withControlPlanes(1).withWorkers(1).build().warnings()).isEmpty();
    }

    @Test
    void renamesAndRevalidates() {
        ClusterConfig config = ClusterConfigLoader.defaults();

        assertThat(config.withName("ci-42")).isEqualTo(ClusterConfig.builder().withName("ci-42").build());
        assertThat(config.withName("ci-42").nodes()).isEqualTo(config.nodes());
        assertThatThrownBy(() -> config.withName("-ci"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("withName: name: '-ci' is not a valid cluster name");
        assertThatThrownBy(() -> config.withName(""))
                .hasMessageStartingWith("withName: name: '' is not a valid cluster name");
    }

    @Test
    void keepsCollectionsImmutable() {
        ClusterConfig config = ClusterConfig.builder().withFeatureGate("A", true).build();

        assertThatThrownBy(() -> config.nodes().add(NodeConfig.worker()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.featureGates().put("B", false))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
