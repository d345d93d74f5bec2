package dev.kindj.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import dev.kindj.api.Kindj;
import dev.kindj.api.Manifests;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A start that cannot finish leaves no cluster behind. Clusters made here are api-only: what fails is a manifest or a
 * chart, not a node, and that flavour starts in a quarter of the time.
 */
class KindjClusterContainerFailureIT {

    private final String name = "tc-fail-" + UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void deleteLeftovers() {
        Kindj.connect().delete(name);
    }

    @Test
    void aManifestThatDoesNotParseFailsBeforeAnyClusterIsMade() {
        KindjClusterContainer container = new KindjClusterContainer().withName(name).withManifests("k8s/broken.yaml");

        assertThatThrownBy(container::start)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("classpath:k8s/broken.yaml:5:1: not valid YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence started at line 4)");
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }

    @Test
    void aMissingDefinitionDeletesTheClusterMadeForIt() {
        KindjClusterContainer container = new KindjClusterContainer().withName(name).withApiOnly().withManifests(Manifests.fromYaml("""
                apiVersion: gadgets.example.com/v1
                kind: Gadget
                metadata:
                  name: g
                """, "gadget.yaml"));

        assertThatThrownBy(container::start)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("gadget.yaml:1: the cluster serves no kind Gadget in apiVersion gadgets.example.com/v1")
                .hasMessageContaining("the CustomResourceDefinition that defines it is missing");
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }

    @Test
    void aChartThatDoesNotRenderDeletesTheClusterMadeForIt() {
        KindjClusterContainer container = new KindjClusterContainer().withName(name).withApiOnly()
                .withHelmChart("broken", TestImages.chart("broken"));

        assertThatThrownBy(container::start)
                .isInstanceOf(KindjException.class)
                .hasMessageStartingWith("helm upgrade --install of chart " + TestImages.chart("broken")
                        + " as release default/broken failed: ")
                .hasMessageContaining("nil pointer evaluating interface {}.tag");
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }
}
