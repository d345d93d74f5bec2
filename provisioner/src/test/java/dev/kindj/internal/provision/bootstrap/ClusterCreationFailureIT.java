package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.NodeConfig;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.bootstrap.steps.CreateNodes;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.preflight.PreflightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creation that cannot succeed: a clear error, nothing left behind, and no other cluster touched. */
class ClusterCreationFailureIT {

    private static DockerNodeProvider provider;
    private static String nodeImage;

    @BeforeAll
    static void connect() {
        provider = DockerNodeProvider.connect();
        nodeImage = TestImages.node();
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    private static String uniqueName() {
        return "fail-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void anExistingClusterOfTheSameNameIsLeftUntouched() {
        String name = uniqueName();
        String subnet = provider.createNetwork(name); // stands in for an existing cluster
        try {
            ClusterConfig config = ClusterConfig.builder().withName(name).build();
            assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(nodeImage).create())
                    .isInstanceOf(ClusterExistsException.class)
                    .hasMessageContaining("a cluster named '" + name + "' already exists")
                    .hasMessageContaining("kindj delete cluster --name " + name);
            assertThat(provider.networkSubnet(name)).contains(subnet);
        } finally {
            provider.deleteCluster(name);
        }
    }

    @Test
    void aMissingNodeImageFailsBeforeAnythingIsCreated() {
        String name = uniqueName();
        ClusterConfig config = ClusterConfig.builder().withName(name).build();
        assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage("kindj/node:does-not-exist").create())
                .hasMessageContaining("node image kindj/node:does-not-exist is not in the Docker engine")
                .hasMessageContaining("kindj build node-image");
        assertThat(provider.listClusters()).doesNotContain(name);
    }

    @Test
    void severalControlPlanesWithoutALoadBalancerImageFailBeforeAnythingIsCreated() {
        String name = uniqueName();
        ClusterConfig config = ClusterConfig.builder().withName(name).withControlPlanes(3).build();
        assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(nodeImage).create())
                .hasMessageContaining("has 3 control planes and so needs a load balancer image");
        assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(nodeImage)
                .withLoadBalancerImage("kindj/haproxy:does-not-exist").create())
                .hasMessageContaining("load balancer image kindj/haproxy:does-not-exist is not in the Docker engine")
                .hasMessageContaining("kindj build node-image");
        assertThat(provider.listClusters()).doesNotContain(name);
    }

    @Test
    void aPortAlreadyTakenIsRefusedBeforeAnythingIsCreated() throws IOException {
        String name = uniqueName();
        try (ServerSocket taken = busyPort(0)) {
            ClusterConfig config = configNeedingPort(name, taken.getLocalPort());
            assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(nodeImage).create())
                    .isInstanceOf(PreflightException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + "/tcp (nodes[1].extraPortMappings[0])");
        }
        assertThat(provider.listClusters()).doesNotContain(name);
    }

    @Test
    void aFailureHalfwayRemovesEverythingCreatedSoFar() throws IOException {
        String name = uniqueName();
        try (PortTakenOnceNodesAreMade port = new PortTakenOnceNodesAreMade()) {
            ClusterConfig config = configNeedingPort(name, port.number);
            assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(nodeImage).withProgress(port)
                    .create())
                    .isInstanceOf(ClusterCreationException.class)
                    .hasMessageContaining("creating cluster '" + name + "' failed while preparing nodes");
        }
        assertThat(provider.listNodes(name)).isEmpty();
        assertThat(provider.networkSubnet(name)).isEmpty();
    }

    @Test
    void retainKeepsTheNodesOfAFailedCreationForDebugging() throws IOException {
        String name = uniqueName();
        try (PortTakenOnceNodesAreMade port = new PortTakenOnceNodesAreMade()) {
            assertThatThrownBy(() -> ClusterCreator.forConfig(configNeedingPort(name, port.number), provider)
                    .withImage(nodeImage).withRetain(true).withProgress(port).create())
                    .isInstanceOf(ClusterCreationException.class);
            assertThat(provider.listNodes(name)).extracting(Node::name).contains(name + "-control-plane");
        } finally {
            provider.deleteCluster(name);
        }
        assertThat(provider.listClusters()).doesNotContain(name);
    }

    /** @param port 0 for any free one */
    private static ServerSocket busyPort(int port) throws IOException {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    }

    /** A worker publishing a host port another process holds: Docker refuses to start it. */
    private static ClusterConfig configNeedingPort(String name, int hostPort) {
        return ClusterConfig.builder().withName(name)
                .withNode(NodeConfig.controlPlane())
                .withNode(NodeConfig.worker().withExtraPortMapping(
                        new PortMapping(80, hostPort, "127.0.0.1", PortProtocol.TCP)))
                .build();
    }

    /**
     * A loopback port that is free while the preflight looks and taken once the nodes are being made: Docker then
     * cannot publish it, and creation fails halfway, with containers already made.
     */
    private static final class PortTakenOnceNodesAreMade implements CreationProgress, AutoCloseable {

        final int number;
        private ServerSocket taken;

        PortTakenOnceNodesAreMade() throws IOException {
            try (ServerSocket free = busyPort(0)) {
                number = free.getLocalPort();
            }
        }

        @Override
        public void started(String title) {
            if (title.equals(new CreateNodes().title())) {
                try {
                    taken = busyPort(number);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void finished(String title, Duration took) {
        }

        @Override
        public void failed(String title, Throwable error) {
        }

        @Override
        public void close() throws IOException {
            if (taken != null) {
                taken.close();
            }
        }
    }
}
