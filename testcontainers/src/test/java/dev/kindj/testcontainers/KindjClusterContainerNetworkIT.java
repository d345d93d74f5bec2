package dev.kindj.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers container on the cluster's Docker network reaches the API with the internal kubeconfig. The only
 * test here that starts a Testcontainers container, so the only one that runs with Ryuk disabled (see the pom).
 */
@Testcontainers
class KindjClusterContainerNetworkIT {

    @Container
    static KindjClusterContainer cluster = new KindjClusterContainer();

    @Test
    void aContainerOnTheClusterNetworkListsTheNodes() {
        // the node image has kubectl, and is on this machine already: nothing to pull
        String nodeImage = cluster.getCluster().nodes().get(0).image();
        try (GenericContainer<?> kubectl = new GenericContainer<>(DockerImageName.parse(nodeImage))
                .withNetwork(cluster.getNetwork())
                .withCopyToContainer(Transferable.of(cluster.getInternalKubeconfig(), 0600), "/kubeconfig")
                .withCreateContainerCmdModifier(create -> create.withEntrypoint("kubectl"))
                .withCommand("--kubeconfig=/kubeconfig", "get", "nodes", "-o", "name")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(1)))) {
            kubectl.start();

            assertThat(kubectl.getLogs(OutputFrame.OutputType.STDOUT).strip())
                    .isEqualTo("node/" + cluster.getCluster().name() + "-control-plane");
        }
    }
}
