package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A kept cluster outlives its run, and the next run attaches to it instead of creating one. */
class ReuseIT {

    private static final String NAME = "ju-reuse";

    @AfterAll
    static void deleteTheKeptCluster() {
        Kindj.connect().delete(NAME);
    }

    @Test
    void theSecondRunAttachesToTheClusterTheFirstKept() throws Exception {
        deleteTheKeptCluster();
        EngineExecutionResults first = EngineRuns.run(KeepsItsCluster.class);
        assertThat(first.allEvents().failed().count()).as(EngineRuns.failures(first)).isZero();
        assertThat(EngineRuns.clusterEntries(first)).singleElement()
                .satisfies(entry -> assertThat(entry.origin()).isEqualTo("created"));
        assertThat(Kindj.connect().clusters()).contains(NAME);

        EngineExecutionResults second;
        List<String> created;
        try (ContainerCreations creations = ContainerCreations.watch(NAME)) {
            second = EngineRuns.run(KeepsItsCluster.class);
            created = creations.clusters();
        }
        assertThat(second.allEvents().failed().count()).as(EngineRuns.failures(second)).isZero();
        EngineRuns.ClusterEntry attached = EngineRuns.clusterEntries(second).get(0);
        assertThat(attached.origin()).isEqualTo("reattached");
        assertThat(attached.cluster()).isEqualTo(NAME);
        assertThat(created).isEmpty();
        assertThat(KeepsItsCluster.earlierRuns).isEqualTo(1);
        assertThat(Duration.between(attached.startupBegan(), attached.ready())).isLessThan(Duration.ofSeconds(5));
    }

    @KubeCluster(name = NAME, reuse = true)
    static class KeepsItsCluster {

        static int earlierRuns;

        @Test
        void countsItsRunsInTheCluster(KubernetesClient client, KindjCluster cluster) {
            ConfigMap counter = client.configMaps().withName("runs").get();
            earlierRuns = counter == null ? 0 : Integer.parseInt(counter.getData().get("count"));
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("runs").endMetadata()
                    .addToData("count", Integer.toString(earlierRuns + 1)).build()).createOr(NonDeletingOperation::update);
            assertThat(cluster.name()).isEqualTo(NAME);
        }
    }
}
