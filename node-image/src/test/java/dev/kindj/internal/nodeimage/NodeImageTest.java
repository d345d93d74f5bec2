package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeImageTest {

    @Test
    void theReferenceNamesTheVersionAndTheRecipeHash() {
        String reference = NodeImage.reference(NodeImage.DEFAULT_KUBERNETES_VERSION, KubernetesSource.MODULES);

        assertThat(reference).matches("kindj/node:v1\\.35\\.4-[0-9a-f]{12}");
        assertThat(NodeImage.reference(NodeImage.DEFAULT_KUBERNETES_VERSION, KubernetesSource.MODULES)).isEqualTo(reference);
        assertThat(NodeImage.reference(NodeImage.DEFAULT_KUBERNETES_VERSION, KubernetesSource.RELEASE)).isNotEqualTo(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.35", "1.35.4", "v1.35", "v2.0.0", "v1.35.4-rc.0", "v1.35.x", " v1.35.4", ""})
    void rejectsWhatIsNotAReleaseVersionBeforeAnyWork(String version) {
        assertThatThrownBy(() -> NodeImageBuilder.forVersion(version))
                .isInstanceOfSatisfying(NodeImageException.class,
                        e -> assertThat(e.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT))
                .hasMessage("not a Kubernetes release version: '" + version + "' (expected v1.MINOR.PATCH, e.g. v1.35.4)");
    }
}
