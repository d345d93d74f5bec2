package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is refused before Helm runs or any cluster is asked (hence no cluster here). */
class HelmRequestTest {

    @TempDir
    Path dir;

    @Test
    void aMissingChartSaysSo() {
        HelmRequest request = new HelmRequest(null, HelmRequest.Verb.INSTALL, "web", Path.of("charts/nope"));

        assertThatThrownBy(request::run)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Helm chart charts/nope does not exist (relative to " + Path.of("").toAbsolutePath()
                        + "); give a chart directory (with Chart.yaml) or a .tgz from helm package");
    }

    @Test
    void aDirectoryWithoutChartYamlIsNoChart() {
        HelmRequest request = new HelmRequest(null, HelmRequest.Verb.UPGRADE, "web", dir);

        assertThatThrownBy(request::run)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Helm chart " + dir + " is a directory without Chart.yaml: not a chart");
    }

    @Test
    void aMissingValuesFileSaysSo() throws Exception {
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        HelmRequest request = new HelmRequest(null, HelmRequest.Verb.INSTALL, "web", dir)
                .valuesFile(dir.resolve("values-test.yaml"));

        assertThatThrownBy(request::run)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Helm values file " + dir.resolve("values-test.yaml") + " does not exist (relative to "
                        + Path.of("").toAbsolutePath() + ")");
    }
}
