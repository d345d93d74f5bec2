package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.ClusterFlavor;
import dev.kindj.api.Kindj;
import dev.kindj.junit.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @KubeCluster(manifests = ...)}: applied before the first test; bad ones fail the class and leave nothing. */
class ManifestsIT {

    @BeforeAll
    static void buildTheWorkloadImage() throws Exception {
        WorkloadImage.ensure();
    }

    @Test
    void theManifestsWorkloadIsReadyBeforeTheFirstTest() {
        EngineRuns.assertAllPassed(EngineRuns.run(AppliesItsManifest.class), 1);
    }

    @Test
    void aManifestThatDoesNotParseFailsTheClassBeforeAnyClusterStarts() throws Exception {
        EngineExecutionResults results;
        List<String> created;
        try (ContainerCreations creations = ContainerCreations.watch("ju-")) {
            results = EngineRuns.run(HasABrokenManifest.class);
            created = creations.clusters();
        }

        assertThat(EngineRuns.failures(results)).contains("@KubeCluster on " + HasABrokenManifest.class.getName()
                + ": classpath:k8s/broken.yaml:7:").contains("not valid YAML")
                .contains("(while scanning a quoted scalar started at line 6)");
        assertThat(created).isEmpty();
        assertThat(EngineRuns.failures(results)).doesNotContain("must fail before its tests");
    }

    @Test
    void aKindTheClusterLacksFailsTheClassAndLeavesNoCluster() {
        EngineExecutionResults results = EngineRuns.run(NeedsAMissingDefinition.class);

        assertThat(EngineRuns.failures(results)).contains("classpath:k8s/gadget.yaml:1: the cluster serves no kind Gadget"
                + " in apiVersion gadgets.example.com/v1: the CustomResourceDefinition that defines it is missing");
        assertThat(NeedsAMissingDefinition.ran).isFalse();
        assertThat(Kindj.connect().clusters()).noneMatch(name -> name.startsWith("ju-gadget"));
    }

    @KubeCluster(images = WorkloadImage.NAME, manifests = "k8s/hello.yaml", waitTimeout = "2m")
    static class AppliesItsManifest {

        @Test
        void theDeploymentIsReady(KubernetesClient client) {
            assertThat(client.apps().deployments().withName("hello").get().getStatus().getReadyReplicas()).isEqualTo(1);
        }
    }

    @KubeCluster(manifests = "k8s/broken.yaml")
    static class HasABrokenManifest {

        @Test
        void neverRuns() {
            throw new AssertionError("a class whose manifest does not parse must fail before its tests");
        }
    }

    /** api-only: what is missing is a definition, not a node, and the flavour starts in a quarter of the time. */
    @KubeCluster(name = "ju-gadget", manifests = "k8s/gadget.yaml", flavor = ClusterFlavor.API_ONLY)
    static class NeedsAMissingDefinition {

        static boolean ran;

        @Test
        void neverRuns() {
            ran = true;
        }
    }
}
