package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {

    @Test
    void readsEveryDocumentWithTheLineItStartsOn() {
        Manifests manifests = Manifests.fromResource("manifests/two-objects.yaml");

        assertThat(manifests.source()).isEqualTo("classpath:manifests/two-objects.yaml");
        assertThat(manifests.describe()).containsExactly(
                "v1 ConfigMap first (classpath:manifests/two-objects.yaml:2)",
                "v1 ConfigMap other/second (classpath:manifests/two-objects.yaml:9)");
    }

    @Test
    void keepsDatesAsText() {
        ManifestObject first = Manifests.fromResource("manifests/two-objects.yaml").objects().get(0);

        assertThat(first.content().get("data")).isEqualTo(Map.of("since", "2024-01-01"));
    }

    @Test
    void yamlThatDoesNotParseNamesTheFileAndLine() {
        assertThatThrownBy(() -> Manifests.fromResource("manifests/broken.yaml"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("classpath:manifests/broken.yaml:11:")
                .hasMessageContaining("not valid YAML")
                .hasMessageEndingWith("started at line 10)");
    }

    @Test
    void aFileNamesItsPath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n");

        assertThatThrownBy(() -> Manifests.fromPath(file))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(file + ":5:")
                .hasMessageContaining("duplicate key name");
    }

    @Test
    void aDocumentWithoutKindSaysWhichOne() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n\napiVersion: v1\nmetadata:\n  name: b\n";

        assertThatThrownBy(() -> Manifests.fromYaml(yaml, "inline"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("inline:7: the document has no kind; every Kubernetes object needs apiVersion, kind and metadata.name");
    }

    @Test
    void anObjectNeedsAName() {
        assertThatThrownBy(() -> Manifests.fromYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\n"))
                .hasMessageStartingWith("<yaml>:1: Pod has no metadata.name");
    }

    @Test
    void aListOrScalarIsNoObject() {
        assertThatThrownBy(() -> Manifests.fromYaml("- a\n- b\n")).hasMessageContaining("<yaml>:1: a manifest document must be a mapping");
        assertThatThrownBy(() -> Manifests.fromYaml("just text")).hasMessageContaining("not a scalar");
    }

    @Test
    void emptyDocumentsAreSkippedButSomethingMustRemain() {
        assertThat(Manifests.fromYaml("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n---\n").describe())
                .containsExactly("v1 Namespace n (<yaml>:2)");
        assertThatThrownBy(() -> Manifests.fromYaml("# nothing\n---\n", "empty.yaml"))
                .hasMessage("empty.yaml: holds no Kubernetes object");
    }

    @Test
    void missingSourcesSayWhereKindjLooked() {
        assertThatThrownBy(() -> Manifests.fromResource("k8s/none.yaml"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("manifest resource k8s/none.yaml is not on the classpath");
        assertThatThrownBy(() -> Manifests.fromPath(Path.of("no/such.yaml")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("manifest file no/such.yaml does not exist");
        assertThatThrownBy(() -> Manifests.fromResourceOrPath("k8s/none.yaml", getClass().getClassLoader()))
                .hasMessageStartingWith("manifest 'k8s/none.yaml' is neither on the classpath nor a file");
    }

    @Test
    void aLocationIsAResourceFirst() {
        assertThat(Manifests.fromResourceOrPath("/manifests/two-objects.yaml", getClass().getClassLoader()).source())
                .isEqualTo("classpath:manifests/two-objects.yaml");
    }
}
