package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigLoaderTest {

    private static final String FULL = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            name: full
            featureGates:
              InPlacePodVerticalScaling: true
              SomeAlphaGate: false
            runtimeConfig:
              "api/alpha": "false"
            networking:
              ipFamily: ipv4
              apiServerAddress: 127.0.0.2
              apiServerPort: 6443
              podSubnet: 10.200.0.0/16
              serviceSubnet: 10.100.0.0/16
              disableDefaultCNI: true
              kubeProxyMode: ipvs
            containerdConfigPatches:
            - |-
              [plugins."io.containerd.grpc.v1.cri".registry.mirrors."localhost:5000"]
                endpoint = ["http://kind-registry:5000"]
            kubeadmConfigPatches:
            - |
              kind: ClusterConfiguration
            nodes:
            - role: control-plane
              image: kindest/node:v1.33.1
              labels:
                ingress-ready: "true"
                topology.kubernetes.io/zone: zone-a
              extraMounts:
              - hostPath: /tmp/data
                containerPath: /data
                readOnly: true
                selinuxRelabel: true
                propagation: HostToContainer
              extraPortMappings:
              - containerPort: 80
                hostPort: 8080
                listenAddress: 127.0.0.1
                protocol: TCP
              - containerPort: 53
                hostPort: 5353
                protocol: UDP
              kubeadmConfigPatches:
              - |
                kind: InitConfiguration
            - role: worker
              extraMounts:
              - hostPath: ./relative
                containerPath: /mnt/relative
                propagation: Bidirectional
              extraPortMappings:
              - containerPort: 443
                protocol: SCTP
            """;

    @Test
    void readsEveryField() {
        ClusterConfig config = ClusterConfigLoader.parse(FULL, "full.yaml");

        assertThat(config.name()).isEqualTo("full");
        assertThat(config.featureGates()).containsExactly(
                Map.entry("InPlacePodVerticalScaling", true), Map.entry("SomeAlphaGate", false));
        assertThat(config.runtimeConfig()).containsExactly(Map.entry("api/alpha", "false"));
        assertThat(config.networking()).isEqualTo(new Networking(IpFamily.IPV4, "127.0.0.2", 6443,
                "10.200.0.0/16", "10.100.0.0/16", true, KubeProxyMode.IPVS, null));
        assertThat(config.containerdConfigPatches()).containsExactly("""
                [plugins."io.containerd.grpc.v1.cri".registry.mirrors."localhost:5000"]
                  endpoint = ["http://kind-registry:5000"]""");
        assertThat(config.kubeadmConfigPatches()).containsExactly("kind: ClusterConfiguration\n");
        assertThat(config.nodes()).containsExactly(
                new NodeConfig(NodeRole.CONTROL_PLANE, "kindest/node:v1.33.1",
                        Map.of("ingress-ready", "true", "topology.kubernetes.io/zone", "zone-a"),
                        List.of(new Mount("/tmp/data", "/data", true, true, MountPropagation.HOST_TO_CONTAINER)),
                        List.of(new PortMapping(80, 8080, "127.0.0.1", PortProtocol.TCP),
                                new PortMapping(53, 5353, "0.0.0.0", PortProtocol.UDP)),
                        List.of("kind: InitConfiguration\n")),
                new NodeConfig(NodeRole.WORKER, null, Map.of(),
                        List.of(new Mount("./relative", "/mnt/relative", false, false, MountPropagation.BIDIRECTIONAL)),
                        List.of(new PortMapping(443, 0, "0.0.0.0", PortProtocol.SCTP)),
                        List.of()));
        assertThat(config.controlPlanes()).hasSize(1);
        assertThat(config.workers()).hasSize(1);
    }

    @Test
    void warnsAboutIgnoredSettings() {
        ClusterConfig config = ClusterConfigLoader.parse(FULL + """
                  gpus: all
                """, "full.yaml");

        assertThat(config.warnings()).containsExactly(
                "nodes[1].gpus: kindj does not pass GPUs to nodes; this setting is ignored");
    }

    @Test
    void readsKindjsRegistryExtensionAndLetsTheCallerReplaceIt() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                kindjRegistry: team-registry
                """, "registry.yaml");

        assertThat(config.registry()).contains("team-registry");
        assertThat(config.withRegistry("other").registry()).contains("other");
        assertThat(ClusterConfig.builder().build().registry()).isEmpty();
        assertThatThrownBy(() -> config.withRegistry("-bad"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'-bad' is not a valid registry name");
    }

    @Test
    void readsDnsSearchTellingAnEmptyListFromNone() {
        String header = """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                networking:
                """;

        ClusterConfig some = ClusterConfigLoader.parse(header + "  dnsSearch: [example.com, corp.test]\n", "dns.yaml");
        ClusterConfig cleared = ClusterConfigLoader.parse(header + "  dnsSearch: []\n", "dns.yaml");
        ClusterConfig unset = ClusterConfigLoader.parse(header + "  podSubnet: 10.244.0.0/16\n", "dns.yaml");

        assertThat(some.networking().dnsSearch()).containsExactly("example.com", "corp.test");
        assertThat(cleared.networking().dnsSearch()).isEmpty();
        assertThat(unset.networking().dnsSearch()).isNull();
        assertThat(some.warnings()).isEmpty();
    }

    @Test
    void warnsAboutAnEvenNumberOfControlPlanesCountingNodesWithoutARole() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                - {}
                - role: worker
                """, "two.yaml");

        assertThat(config.warnings()).containsExactly("nodes: 2 control-plane nodes survive no more failures than 1"
                + " (etcd needs a majority of them); use an odd number");
    }

    @Test
    void appliesKindDefaultsToAMinimalFile() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                """, "minimal.yaml");

        assertThat(config.name()).isEqualTo("kind");
        assertThat(config.nodes()).containsExactly(
                new NodeConfig(NodeRole.CONTROL_PLANE, null, Map.of(), List.of(), List.of(), List.of()));
        Networking networking = config.networking();
        assertThat(networking.ipFamily()).isEqualTo(IpFamily.IPV4);
        assertThat(networking.apiServerAddress()).isEqualTo("127.0.0.1");
        assertThat(networking.apiServerPort()).isZero();
        assertThat(networking.podSubnet()).isEqualTo("10.244.0.0/16");
        assertThat(networking.serviceSubnet()).isEqualTo("10.96.0.0/16");
        assertThat(networking.disableDefaultCNI()).isFalse();
        assertThat(networking.kubeProxyMode()).isEqualTo(KubeProxyMode.IPTABLES);
        assertThat(config.featureGates()).isEmpty();
        assertThat(config.runtimeConfig()).isEmpty();
        assertThat(config.containerdConfigPatches()).isEmpty();
        assertThat(config.kubeadmConfigPatches()).isEmpty();
        assertThat(config.warnings()).isEmpty();
        assertThat(config).isEqualTo(ClusterConfigLoader.defaults());
    }

    @Test
    void treatsNullAndEmptyValuesAsUnsetLikeKind() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: ""
                nodes:
                networking:
                  podSubnet: ~
                """, "nulls.yaml");

        assertThat(config).isEqualTo(ClusterConfigLoader.defaults());
    }

    @Test
    void defaultsNodeRoleToControlPlaneAndPortDetailsLikeKind() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - extraPortMappings:
                  - containerPort: 80
                    hostPort: -1
                """, "roles.yaml");

        assertThat(config.nodes()).singleElement().satisfies(node -> {
            assertThat(node.role()).isEqualTo(NodeRole.CONTROL_PLANE);
            assertThat(node.extraPortMappings()).containsExactly(new PortMapping(80, 0, "0.0.0.0", PortProtocol.TCP));
        });
    }

    @Test
    void readsKindsIngressExampleUnchanged() {
        // From kind's ingress guide: https://kind.sigs.k8s.io/docs/user/ingress/
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                  kubeadmConfigPatches:
                  - |
                    kind: InitConfiguration
                    nodeRegistration:
                      kubeletExtraArgs:
                        node-labels: "ingress-ready=true"
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 80
                    protocol: TCP
                  - containerPort: 443
                    hostPort: 443
                    protocol: TCP
                - role: worker
                - role: worker
                """, "ingress.yaml");

        assertThat(config.controlPlanes()).singleElement().satisfies(node -> assertThat(node.extraPortMappings())
                .containsExactly(PortMapping.of(80, 80), PortMapping.of(443, 443)));
        assertThat(config.workers()).hasSize(2);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.kubeadmFor(config.nodes().get(0)).initRegistration().labels())
                .containsExactly(Map.entry("ingress-ready", "true"));
        assertThat(config.kubeadmFor(config.nodes().get(1)).initRegistration().labels()).isEmpty();
    }

    @Test
    void readsMultiNodeConfigWithIngressReadyLabel() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                # a multi-node cluster with an ingress node, in the style of kind's docs
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                  labels:
                    ingress-ready: true
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 80
                    protocol: TCP
                  - containerPort: 443
                    hostPort: 443
                    protocol: TCP
                - role: control-plane
                - role: control-plane
                - role: worker
                - role: worker
                  image: kindest/node:v1.33.1@sha256:050072256b9a903bd914c0b2866828150cb229cea0efe5892e2b644d5dd3b34f
                """, "multi.yaml");

        assertThat(config.controlPlanes()).hasSize(3);
        assertThat(config.workers()).hasSize(2);
        assertThat(config.nodes().get(0).labels()).containsExactly(Map.entry("ingress-ready", "true"));
        assertThat(config.nodes().get(4).image()).startsWith("kindest/node:v1.33.1@sha256:");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void allowsTheSameHostPortForDifferentProtocolsOrAddresses() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - extraPortMappings:
                  - {containerPort: 53, hostPort: 53, protocol: TCP}
                  - {containerPort: 53, hostPort: 53, protocol: UDP}
                  - {containerPort: 80, hostPort: 80, listenAddress: 127.0.0.1}
                  - {containerPort: 80, hostPort: 80, listenAddress: 127.0.0.2}
                  - {containerPort: 81, hostPort: 0}
                  - {containerPort: 82, hostPort: 0}
                """, "ports.yaml");

        assertThat(config.nodes().get(0).extraPortMappings()).hasSize(6);
    }

    @Test
    void fixedHostPortsAreNamedByTheirFieldAndRandomOnesAreLeftOut() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                networking:
                  apiServerPort: 16443
                nodes:
                - role: control-plane
                - role: worker
                  extraPortMappings:
                  - {containerPort: 80, hostPort: 0}
                  - {containerPort: 53, hostPort: 5353, protocol: UDP}
                """, "ports.yaml");

        assertThat(config.fixedHostPorts()).extracting(HostPortRequest::field, HostPortRequest::describe).containsExactly(
                tuple("networking.apiServerPort", "127.0.0.1:16443/tcp"),
                tuple("nodes[1].extraPortMappings[1]", "0.0.0.0:5353/udp"));
        assertThat(ClusterConfig.builder().build().fixedHostPorts()).isEmpty();
    }

    @Test
    void loadsAFileAndNamesItInProblems(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), FULL);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: Cluster\n");

        assertThat(ClusterConfigLoader.load(good)).isEqualTo(ClusterConfigLoader.parse(FULL, "other"));
        assertThatThrownBy(() -> ClusterConfigLoader.load(bad))
                .hasMessage(bad + ":1:1: apiVersion: required; add 'apiVersion: kind.x-k8s.io/v1alpha4'");
        assertThatThrownBy(() -> ClusterConfigLoader.load(dir.resolve("missing.yaml")))
                .hasMessage(dir.resolve("missing.yaml") + ": the file does not exist");
    }

    @Test
    void reportsEveryProblemInFileOrderOnePerLine() {
        String yaml = """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: Bad_Name
                nodes:
                - role: master
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 70000
                networking:
                  podSubnet: 10.244.0.0
                """;

        assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "cluster.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(3, 5, 8, 10);
                    assertThat(e.getMessage().lines()).containsExactly(
                            "cluster.yaml:3:7: name: 'Bad_Name' is not a valid cluster name; use lower-case letters, "
                                    + "digits, '.' and '-', starting with a letter or digit",
                            "cluster.yaml:5:9: nodes[0].role: role 'master' is not known; use control-plane or worker",
                            "cluster.yaml:8:15: nodes[0].extraPortMappings[0].hostPort: port 70000 is out of range "
                                    + "0-65535",
                            "cluster.yaml:10:14: networking.podSubnet: '10.244.0.0' is not a valid IPv4 CIDR; write it "
                                    + "like 10.244.0.0/16");
                });
    }

    @Test
    void doesNotPileCheckProblemsOnTopOfATypeError() {
        String yaml = """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - extraPortMappings:
                  - containerPort: "80"
                  - 443
                """;

        assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "cluster.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::fieldPath)
                        .containsExactly("nodes[0].extraPortMappings[0].containerPort",
                                "nodes[0].extraPortMappings[1]"));
    }
}
