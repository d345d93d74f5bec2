package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.ClusterFlavor;
import dev.kindj.api.Kindj;
import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @KubeCluster(flavor = API_ONLY)}: an injected client on a cluster without nodes, deleted when the run ends. */
class ApiOnlyFlavorIT {

    private static final String NAME = "ju-apionly";

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheApiOnlyClass() {
        results = EngineRuns.run(OperatorTest.class);
    }

    @Test
    void theTestPassedAndTheClusterIsDeletedWhenTheRunEnds() {
        EngineRuns.assertAllPassed(results, 1);
        assertThat(EngineRuns.clusterEntries(results)).singleElement().satisfies(entry -> {
            assertThat(entry.cluster()).startsWith(NAME + "-");
            assertThat(Kindj.connect().clusters()).doesNotContain(entry.cluster());
        });
    }

    @KubeCluster(name = NAME, flavor = ClusterFlavor.API_ONLY)
    @KubeNamespace
    static class OperatorTest {

        @Test
        void theApiServesATestNamespaceWithoutNodes(KubernetesClient client) {
            assertThat(client.nodes().list().getItems()).isEmpty();
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("state").endMetadata()
                    .addToData("phase", "reconciled").build()).create();
            assertThat(client.configMaps().withName("state").get().getData()).containsEntry("phase", "reconciled");
        }
    }
}
