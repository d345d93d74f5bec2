package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.api.KindjNode;
import dev.kindj.api.NodeRole;
import dev.kindj.internal.provision.docker.DockerClients;
import dev.kindj.junit.KubeCluster;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @KubeCluster(controlPlanes = 3, workers = 1)}: three control planes and a worker, all Ready, and the
 * injected client reaches the API through the load balancer. The cluster takes about 90 of the host's 128 inotify
 * instances: run this test while no other cluster is up.
 */
class HaClusterIT {

    private static final String NAME = "ju-ha";
    private static final int API_SERVER_PORT = 6443;

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheClassWithThreeControlPlanes() {
        results = EngineRuns.run(ThreeControlPlanes.class);
    }

    @Test
    void everyCheckPasses() {
        EngineRuns.assertAllPassed(results, 2);
    }

    @Test
    void theClusterIsDeletedWhenTheRunEnds() {
        assertThat(EngineRuns.clusterEntries(results)).singleElement().satisfies(entry -> {
            assertThat(entry.cluster()).startsWith(NAME + "-");
            assertThat(Kindj.connect().clusters()).doesNotContain(entry.cluster());
        });
    }

    @KubeCluster(name = NAME, controlPlanes = 3, workers = 1)
    static class ThreeControlPlanes {

        @Test
        void threeControlPlanesAndOneWorkerAreReady(KindjCluster cluster, KubernetesClient client) {
            String name = cluster.name();
            Map<NodeRole, List<String>> containers = cluster.nodes().stream().collect(Collectors.groupingBy(KindjNode::role,
                    Collectors.mapping(KindjNode::name, Collectors.toList())));
            assertThat(containers).containsOnlyKeys(NodeRole.CONTROL_PLANE, NodeRole.WORKER, NodeRole.LOAD_BALANCER);
            assertThat(containers.get(NodeRole.CONTROL_PLANE))
                    .containsExactlyInAnyOrder(name + "-control-plane", name + "-control-plane2", name + "-control-plane3");
            assertThat(containers.get(NodeRole.WORKER)).containsExactly(name + "-worker");

            List<Node> nodes = client.nodes().list().getItems();
            assertThat(nodes).extracting(node -> node.getMetadata().getName()).containsExactlyInAnyOrder(
                    name + "-control-plane", name + "-control-plane2", name + "-control-plane3", name + "-worker");
            assertThat(nodes).allSatisfy(node -> assertThat(node.getStatus().getConditions()).anySatisfy(condition -> {
                assertThat(condition.getType()).isEqualTo("Ready");
                assertThat(condition.getStatus()).isEqualTo("True");
            }));
            assertThat(nodes).filteredOn(node -> node.getMetadata().getLabels().containsKey("node-role.kubernetes.io/control-plane"))
                    .extracting(node -> node.getMetadata().getName())
                    .containsExactlyInAnyOrderElementsOf(containers.get(NodeRole.CONTROL_PLANE));
        }

        @Test
        void theApiAnswersThroughTheLoadBalancer(KindjCluster cluster, KubernetesClient client) throws IOException {
            KindjNode loadBalancer = cluster.nodes().stream().filter(node -> node.role() == NodeRole.LOAD_BALANCER)
                    .findFirst().orElseThrow();
            assertThat(loadBalancer.running()).isTrue();

            URI server = URI.create(client.getMasterUrl().toString());
            assertThat(server.getHost()).isEqualTo("127.0.0.1");
            assertThat(server.getPort()).as("the port the load balancer publishes").isEqualTo(publishedApiPort(loadBalancer.name()));
            URI internalServer = URI.create(Config.fromKubeconfig(cluster.internalKubeconfig()).getMasterUrl());
            assertThat(internalServer.getHost()).isEqualTo(loadBalancer.ipAddress());
            assertThat(internalServer.getPort()).isEqualTo(API_SERVER_PORT);

            assertThat(client.namespaces().withName("kube-system").get()).isNotNull();
        }

        /** Asked of Docker itself, not of kindj, which wrote the kubeconfig. */
        private static int publishedApiPort(String container) throws IOException {
            try (DockerClient docker = DockerClients.connect()) {
                Ports.Binding[] bindings = docker.inspectContainerCmd(container).exec().getNetworkSettings().getPorts()
                        .getBindings().get(ExposedPort.tcp(API_SERVER_PORT));
                return Integer.parseInt(bindings[0].getHostPortSpec());
            }
        }
    }
}
