package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a builder turns into before anything is created; no Docker engine is involved. */
class ClusterBuilderTest {

    private static final String TWO_WORKERS = String.join("\n",
            "kind: Cluster",
            "apiVersion: kind.x-k8s.io/v1alpha4",
            "name: from-file",
            "nodes:",
            "- role: control-plane",
            "- role: worker",
            "- role: worker",
            "");

    @Test
    void withoutAnythingItIsKindsDefaultCluster() {
        ClusterConfig config = new ClusterBuilder(null, null).toConfig();
        assertThat(config.name()).isEqualTo(Kindj.DEFAULT_CLUSTER_NAME);
        assertThat(config.controlPlanes()).hasSize(1);
        assertThat(config.workers()).isEmpty();
    }

    @Test
    void countsAndNameMakeTheNodes() {
        ClusterConfig config = new ClusterBuilder(null, "ci").controlPlanes(3).workers(2).toConfig();
        assertThat(config.name()).isEqualTo("ci");
        assertThat(config.controlPlanes()).hasSize(3);
        assertThat(config.workers()).hasSize(2);
    }

    @Test
    void aConfigFromFileStringOrStreamKeepsItsNameUnlessOneIsGiven(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kind.yaml"), TWO_WORKERS);
        assertThat(new ClusterBuilder(null, null).config(file).toConfig().name()).isEqualTo("from-file");
        assertThat(new ClusterBuilder(null, "renamed").config(TWO_WORKERS).toConfig().name()).isEqualTo("renamed");
        ClusterConfig fromStream = new ClusterBuilder(null, null)
                .config(new ByteArrayInputStream(TWO_WORKERS.getBytes(StandardCharsets.UTF_8)), "<stdin>").toConfig();
        assertThat(fromStream.workers()).hasSize(2);
    }

    @Test
    void aGivenRegistryReplacesTheConfigsAndIsChecked() {
        String withRegistry = TWO_WORKERS + "kindjRegistry: from-file\n";
        assertThat(new ClusterBuilder(null, null).config(withRegistry).toConfig().registry()).contains("from-file");
        assertThat(new ClusterBuilder(null, null).config(withRegistry).registry("given").toConfig().registry())
                .contains("given");
        assertThat(new ClusterBuilder(null, "ci").workers(1).registry("given").toConfig().registry()).contains("given");
        assertThat(new ClusterBuilder(null, "ci").toConfig().registry()).isEmpty();
        assertThatThrownBy(() -> new ClusterBuilder(null, "ci").registry("Not_A_Host").toConfig())
                .isInstanceOf(ConfigException.class).hasMessageContaining("'Not_A_Host' is not a valid registry name");
    }

    @Test
    void theNameIsTheGivenOneElseTheConfigsElseKinds() {
        assertThat(new ClusterBuilder(null, "given").config(TWO_WORKERS).name()).isEqualTo("given");
        assertThat(new ClusterBuilder(null, null).config(TWO_WORKERS).name()).isEqualTo("from-file");
        assertThat(new ClusterBuilder(null, null).name()).isEqualTo(Kindj.DEFAULT_CLUSTER_NAME);
        assertThatThrownBy(() -> new ClusterBuilder(null, "Not_Valid").name()).isInstanceOf(ConfigException.class);
    }

    @Test
    void aConfigAndCountsTogetherAreRefused() {
        assertThatThrownBy(() -> new ClusterBuilder(null, "both").config(TWO_WORKERS).workers(1).toConfig())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void anImageAndAVersionTogetherAreRefused() {
        assertThatThrownBy(() -> new ClusterBuilder(null, "x").image("kindj/node:a").kubernetesVersion("v1.35.4").toConfig())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("kindj/node:a").hasMessageContaining("v1.35.4");
    }

    @Test
    void badNamesAndBadFilesAreInvalidRequestsThatSayWhere(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new ClusterBuilder(null, "Not_Valid").toConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Not_Valid")
                .satisfies(error -> assertThat(((KindjException) error).invalidRequest()).isTrue());
        Path file = Files.writeString(dir.resolve("bad.yaml"), TWO_WORKERS.replace("role: worker", "role: wroker"));
        assertThatThrownBy(() -> new ClusterBuilder(null, null).config(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":6:");
        assertThatThrownBy(() -> new ClusterBuilder(null, "zero").controlPlanes(0).toConfig())
                .isInstanceOf(InvalidRequestException.class);
    }
}
