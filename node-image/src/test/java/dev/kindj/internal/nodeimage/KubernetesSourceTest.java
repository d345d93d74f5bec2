package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KubernetesSourceTest {

    @Test
    void parsesTheThreeSourcesAndRejectsOthers() {
        assertThat(KubernetesSource.parse("modules")).isEqualTo(KubernetesSource.MODULES);
        assertThat(KubernetesSource.parse("release")).isEqualTo(KubernetesSource.RELEASE);
        assertThat(KubernetesSource.parse("dir:bin").argument())
                .isEqualTo("dir:" + Path.of("bin").toAbsolutePath().normalize());
        assertThat(KubernetesSource.parse("dir:/opt/k8s/../k8s")).isEqualTo(KubernetesSource.directory(Path.of("/opt/k8s")));

        for (String bad : new String[] {"dir:", "Modules", "git", ""}) {
            assertThatThrownBy(() -> KubernetesSource.parse(bad))
                    .isInstanceOfSatisfying(NodeImageException.class,
                            e -> assertThat(e.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT))
                    .hasMessageStartingWith("unknown Kubernetes source '" + bad + "'");
        }
    }
}
