package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeCluster;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Classes running in parallel: distinct keys get clusters created at the same time, a shared key one cluster. */
class ParallelClustersIT {

    private static final String PREFIX = "ju-par-";

    private static EngineExecutionResults results;
    private static List<String> clustersDockerCreated;

    @BeforeAll
    static void runThreeClassesInParallel() throws Exception {
        try (ContainerCreations creations = ContainerCreations.watch(PREFIX)) {
            results = EngineRuns.run(Map.of(
                            "junit.jupiter.execution.parallel.enabled", "true",
                            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                            "junit.jupiter.execution.parallel.config.strategy", "fixed",
                            "junit.jupiter.execution.parallel.config.fixed.parallelism", "3"),
                    FirstOnA.class, SecondOnA.class, OnlyOnB.class);
            clustersDockerCreated = creations.clusters();
        }
    }

    @Test
    void everyClassPasses() {
        EngineRuns.assertAllPassed(results, 3);
    }

    @Test
    void eachKeyGetsOneClusterAndTheTwoAreCreatedConcurrently() {
        Map<String, List<EngineRuns.ClusterEntry>> byCluster = EngineRuns.clusterEntries(results).stream()
                .collect(Collectors.groupingBy(EngineRuns.ClusterEntry::cluster));
        assertThat(byCluster).hasSize(2);
        assertThat(clustersDockerCreated).containsExactlyInAnyOrderElementsOf(byCluster.keySet());
        List<EngineRuns.ClusterEntry> a = byCluster.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(PREFIX + "a-")).findFirst().orElseThrow().getValue();
        List<EngineRuns.ClusterEntry> b = byCluster.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(PREFIX + "b-")).findFirst().orElseThrow().getValue();
        assertThat(a).extracting(EngineRuns.ClusterEntry::origin).containsExactlyInAnyOrder("created", "shared");
        assertThat(b).extracting(EngineRuns.ClusterEntry::origin).containsExactly("created");
        assertThat(a.get(0).overlaps(b.get(0))).as("creation of %s and %s overlap", a.get(0), b.get(0)).isTrue();
    }

    @Test
    void bothClustersAreDeletedWhenTheRunEnds() {
        assertThat(Kindj.connect().clusters()).noneMatch(name -> name.startsWith(PREFIX));
    }

    @KubeCluster(name = PREFIX + "a")
    static class FirstOnA {
        @Test
        void hasANode(KindjCluster cluster) {
            assertThat(cluster.nodes()).hasSize(1);
        }
    }

    @KubeCluster(name = PREFIX + "a")
    static class SecondOnA {
        @Test
        void hasANode(KindjCluster cluster) {
            assertThat(cluster.nodes()).hasSize(1);
        }
    }

    @KubeCluster(name = PREFIX + "b")
    static class OnlyOnB {
        @Test
        void hasANode(KindjCluster cluster) {
            assertThat(cluster.nodes()).hasSize(1);
        }
    }
}
