package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import dev.kindj.internal.provision.plan.LoadBalancerAddresses;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the provider against the real engine with a two-container "cluster" of busybox nodes. */
class DockerNodeProviderIT {

    private static final String CLUSTER = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private static DockerNodeProvider provider;
    private static String image;
    private static String subnet;

    @BeforeAll
    static void createCluster() throws Exception {
        provider = DockerNodeProvider.connect();
        image = TestImages.busybox();
        subnet = provider.createNetwork(CLUSTER);
        provider.createNode(spec(CLUSTER + "-control-plane", NodeRole.CONTROL_PLANE, 10,
                List.of(new PortMapping(6443, 0, "127.0.0.1", PortProtocol.TCP))));
        provider.createNode(spec(CLUSTER + "-worker", NodeRole.WORKER, 11, List.of()));
    }

    @AfterAll
    static void deleteCluster() {
        if (provider != null) {
            provider.deleteCluster(CLUSTER);
            provider.close();
        }
    }

    private static NodeSpec spec(String name, NodeRole role, int host, List<PortMapping> ports) {
        String ip = dev.kindj.config.Ipv4Cidr.of(subnet).address(host);
        return new NodeSpec(name, CLUSTER, role, image, ip, ports, List.of(), Map.of());
    }

    @Test
    void listsTheClusterAndItsNodesByLabel() {
        assertThat(provider.listClusters()).contains(CLUSTER);
        assertThat(provider.listNodes(CLUSTER))
                .extracting(Node::name, Node::role, Node::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CLUSTER + "-control-plane", NodeRole.CONTROL_PLANE, "running"),
                        org.assertj.core.groups.Tuple.tuple(CLUSTER + "-worker", NodeRole.WORKER, "running"));
    }

    @Test
    void execReturnsOutputAndExitCodeAndStreamsStdin() {
        ExecResult ok = provider.exec(CLUSTER + "-worker", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(ok.exitCode()).isEqualTo(3);
        assertThat(ok.stdout()).isEqualTo("out\n");
        assertThat(ok.stderr()).isEqualTo("err\n");

        ExecResult cat = provider.exec(CLUSTER + "-worker", List.of("sh", "-c", "wc -c"),
                new ByteArrayInputStream(new byte[100_000]));
        assertThat(cat.stdout().strip()).isEqualTo("100000");
    }

    @Test
    void copiesFilesInWithModesAndOutAgain() {
        provider.copyIn(CLUSTER + "-control-plane", List.of(
                NodeFile.text("/etc/kubernetes/pki/ca.key", "secret", NodeFile.PRIVATE),
                NodeFile.text("/etc/kubernetes/pki/ca.crt", "public", NodeFile.PUBLIC)));
        ExecResult modes = provider.exec(CLUSTER + "-control-plane", "stat", "-c", "%a %n",
                "/etc/kubernetes/pki/ca.key", "/etc/kubernetes/pki/ca.crt");
        assertThat(modes.stdout()).isEqualTo("600 /etc/kubernetes/pki/ca.key\n644 /etc/kubernetes/pki/ca.crt\n");
        assertThat(new String(provider.copyOut(CLUSTER + "-control-plane", "/etc/kubernetes/pki/ca.key"),
                StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void nodesResolveEachOtherByNameAtTheirFixedIps() {
        ExecResult lookup = provider.exec(CLUSTER + "-worker", "nslookup", CLUSTER + "-control-plane");
        assertThat(lookup.stdout()).contains(dev.kindj.config.Ipv4Cidr.of(subnet).address(10));
        assertThat(provider.exec(CLUSTER + "-worker", "ping", "-c", "1", "-W", "2", CLUSTER + "-control-plane").exitCode())
                .isZero();
    }

    @Test
    void publishesPortsOnLoopbackOnly() {
        DockerClient docker = TestDocker.client();
        var bindings = docker.inspectContainerCmd(CLUSTER + "-control-plane").exec()
                .getNetworkSettings().getPorts().getBindings();
        assertThat(bindings.values()).allSatisfy(binding -> assertThat(binding[0].getHostIp()).isEqualTo("127.0.0.1"));
        assertThat(provider.publishedPorts(CLUSTER + "-control-plane")).containsKey(6443);
        assertThat(provider.publishedPorts(CLUSTER + "-control-plane").get(6443)).isPositive();
    }

    @Test
    void fixedIpSurvivesRestart() {
        String worker = CLUSTER + "-worker";
        TestDocker.client().restartContainerCmd(worker).withTimeout(1).exec();
        String ip = TestDocker.client().inspectContainerCmd(worker).exec()
                .getNetworkSettings().getNetworks().get(DockerNodeProvider.networkName(CLUSTER)).getIpAddress();
        assertThat(ip).isEqualTo(dev.kindj.config.Ipv4Cidr.of(subnet).address(11));
    }

    /** A container joined later without a fixed address (a registry, say) never takes a LoadBalancer Service's. */
    @Test
    void containersWithoutAFixedAddressGetOneBelowTheServiceHalfOfTheNetwork() {
        DockerClient docker = TestDocker.client();
        String name = CLUSTER + "-unfixed";
        docker.createContainerCmd(image).withName(name)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(DockerNodeProvider.networkName(CLUSTER)))
                .exec();
        try {
            docker.startContainerCmd(name).exec();
            String ip = docker.inspectContainerCmd(name).exec().getNetworkSettings().getNetworks()
                    .get(DockerNodeProvider.networkName(CLUSTER)).getIpAddress();
            Ipv4Cidr network = Ipv4Cidr.of(subnet);
            assertThat(LoadBalancerAddresses.containerRange(network).overlaps(Ipv4Cidr.of(ip + "/32"))).as(ip).isTrue();
        } finally {
            docker.removeContainerCmd(name).withForce(true).exec();
        }
    }

    @Test
    void deleteLeavesNoContainerNetworkOrVolume() {
        String other = "it-del-" + UUID.randomUUID().toString().substring(0, 8);
        String otherSubnet = provider.createNetwork(other);
        assertThat(otherSubnet).isNotEqualTo(subnet);
        provider.createNode(new NodeSpec(other + "-control-plane", other, NodeRole.CONTROL_PLANE, image,
                dev.kindj.config.Ipv4Cidr.of(otherSubnet).address(10), List.of(), List.of(), Map.of()));
        DockerClient docker = TestDocker.client();
        String volume = docker.inspectContainerCmd(other + "-control-plane").exec().getMounts().stream()
                .filter(mount -> "/var".equals(mount.getDestination().getPath()))
                .findFirst().orElseThrow().getName();

        provider.deleteCluster(other);

        List<Container> left = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(KindjLabels.CLUSTER, other)).exec();
        assertThat(left).isEmpty();
        assertThat(provider.networkSubnet(other)).isEmpty();
        assertThat(docker.listVolumesCmd().exec().getVolumes()).noneMatch(v -> v.getName().equals(volume));
        assertThat(provider.listNodes(CLUSTER)).hasSize(2); // the other cluster is untouched

        provider.deleteCluster(other); // what is gone already is no error
        provider.removeNode(other + "-control-plane");
    }

    @Test
    void noEngineGivesAClearError() {
        String previous = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///tmp/kindj-no-such-docker.sock");
        try {
            assertThatThrownBy(DockerClients::connect)
                    .isInstanceOf(DockerUnavailableException.class)
                    .hasMessageContaining("Docker is not running")
                    .hasMessageContaining("unix:///tmp/kindj-no-such-docker.sock");
        } finally {
            if (previous == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", previous);
            }
        }
    }
}
