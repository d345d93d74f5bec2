package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.kindj.api.Kindj;
import dev.kindj.internal.provision.docker.DockerClients;
import dev.kindj.junit.KubeCluster;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Clusters of earlier runs that died are removed when the next run starts; kept clusters and clusters the
 * extension did not make are left alone. The "clusters" are single sleeping containers labelled like nodes,
 * made with Docker directly: the sweep only reads labels and markers, so no Kubernetes is needed.
 */
class LeftoverClustersIT {

    private static final String PREFIX = "ju-left-";

    private final Kindj kindj = Kindj.connect();
    private DockerClient docker;

    @BeforeEach
    void connect() {
        docker = DockerClients.connect();
    }

    @AfterEach
    void deleteWhatIsLeft() throws Exception {
        kindj.clusters().stream().filter(name -> name.startsWith(PREFIX)).forEach(kindj::delete);
        docker.close();
    }

    @Test
    void aRunRemovesClustersOfDeadRunsAndNothingElse() throws Exception {
        Instant now = Instant.now();
        fakeCluster("dead", Optional.of(new ClusterMarker(now, TestRun.hostName(), ExitedProcess.pid(), false)));
        fakeCluster("old", Optional.of(new ClusterMarker(now.minus(3, ChronoUnit.HOURS), "elsewhere", 1, false)));
        fakeCluster("kept", Optional.of(new ClusterMarker(now, TestRun.hostName(), ExitedProcess.pid(), true)));
        fakeCluster("foreign", Optional.empty());

        EngineExecutionResults results = EngineRuns.run(NeedsAMissingImage.class);

        assertThat(kindj.clusters()).filteredOn(name -> name.startsWith(PREFIX))
                .containsExactlyInAnyOrder(PREFIX + "kept", PREFIX + "foreign");
        assertThat(results.containerEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
                .singleElement().asString().contains("kindj-test/no-such-node:1 is not in the Docker engine");
    }

    @KubeCluster(name = PREFIX + "probe", image = "kindj-test/no-such-node:1")
    static class NeedsAMissingImage {
        @Test
        void neverRuns() {
        }
    }

    private void fakeCluster(String suffix, Optional<ClusterMarker> marker) {
        String cluster = PREFIX + suffix;
        String node = cluster + "-control-plane";
        String image = kindj.nodeImage().ensure();
        docker.createContainerCmd(image)
                .withName(node)
                .withLabels(Map.of("dev.kindj.cluster", cluster, "dev.kindj.role", "control-plane"))
                .withEntrypoint("sleep", "infinity")
                .exec();
        docker.startContainerCmd(node).exec();
        marker.ifPresent(content -> content.writeTo(kindj.get(cluster)));
    }

}
