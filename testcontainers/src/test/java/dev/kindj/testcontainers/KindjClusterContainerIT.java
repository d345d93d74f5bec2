package dev.kindj.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.KindjNode;
import dev.kindj.api.NodeRole;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A 1+1 cluster as a Testcontainers {@code @Container}: images loaded, a Helm chart installed and manifests applied
 * before the first test.
 */
@Testcontainers
class KindjClusterContainerIT {

    @Container
    static KindjClusterContainer cluster = new KindjClusterContainer()
            .withWorkers(1)
            .withImages(TestImages.app())
            .withHelmChart("web", TestImages.chart("web"), helm -> helm.namespace("charts").values(Map.of("replicas", 2)))
            .withManifests("k8s/hello.yaml");

    @Test
    void theClusterHasOneControlPlaneAndOneWorker() {
        assertThat(cluster.getCluster().nodes()).extracting(KindjNode::role)
                .containsExactlyInAnyOrder(NodeRole.CONTROL_PLANE, NodeRole.WORKER);
        assertThat(cluster.getCluster().name()).startsWith("tc-");
        assertThat(cluster.getClient().nodes().list().getItems()).hasSize(2);
    }

    @Test
    void theManifestsWorkloadIsReadyBeforeTheFirstTest() {
        Deployment hello = cluster.getClient().apps().deployments().withName("hello").get();

        assertThat(hello.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(cluster.getClient().services().withName("hello").get()).isNotNull();
    }

    @Test
    void theHelmChartIsInstalledWithItsValuesAndReadyBeforeTheFirstTest() {
        Deployment web = cluster.getClient().apps().deployments().inNamespace("charts").withName("web").get();

        assertThat(web.getSpec().getReplicas()).isEqualTo(2);
        assertThat(web.getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void theImageIsInEveryNode() {
        for (KindjNode node : cluster.getCluster().nodes()) {
            String images = cluster.getCluster().exec(node.name(), "ctr", "-n", "k8s.io", "images", "ls", "-q").stdout();
            assertThat(images).as(node.name()).contains("docker.io/" + TestImages.app());
        }
    }

    @Test
    void theKubeconfigsPointAtTheHostAndAtTheNetwork() {
        assertThat(cluster.getKubeconfig()).contains("https://127.0.0.1:");
        String controlPlaneIp = cluster.getCluster().nodes().stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE)
                .findFirst().orElseThrow().ipAddress();
        assertThat(cluster.getInternalKubeconfig()).contains("https://" + controlPlaneIp + ":6443");
        assertThat(cluster.getNetwork().getId()).isEqualTo(cluster.getCluster().networkName());
    }
}
