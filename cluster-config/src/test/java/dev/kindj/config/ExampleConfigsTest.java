package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example configs in the repository's examples/ stay valid. */
class ExampleConfigsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).getParent().resolve("examples");

    @Test
    void haIsThreeControlPlanesAndTwoWorkersWithoutWarnings() throws Exception {
        ClusterConfig config = ClusterConfigLoader.load(EXAMPLES.resolve("ha.yaml"));

        assertThat(config.controlPlanes()).hasSize(3);
        assertThat(config.workers()).hasSize(2);
        assertThat(config.warnings()).isEmpty();
    }
}
