package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.api.ClusterFlavor;
import dev.kindj.junit.KubeCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ClusterRequestTest {

    @KubeCluster
    static class PlainTest {
    }

    @KubeCluster
    static class AVeryLongTestClassNameThatGoesOnAndOn {
    }

    @KubeCluster(name = "ju-team", workers = 2, waitTimeout = "90s")
    static class TeamA {
    }

    @KubeCluster(name = "ju-team", workers = 2)
    static class TeamB {
    }

    @KubeCluster(name = "ju-team", workers = 1)
    static class TeamC {
    }

    @KubeCluster(config = "one-plus-two.yaml")
    static class FromConfig {
    }

    @KubeCluster(config = "one-plus-two.yaml", workers = 1)
    static class ConfigAndCounts {
    }

    @KubeCluster(config = "nowhere.yaml")
    static class MissingConfig {
    }

    @KubeCluster(image = "kindj/node:x", kubernetesVersion = "v1.35.4")
    static class ImageAndVersion {
    }

    @KubeCluster(name = "Not_Valid")
    static class InvalidName {
    }

    @KubeCluster(waitTimeout = "soon")
    static class BadTimeout {
    }

    @KubeCluster(name = "ju-kept", reuse = true)
    static class Reused {
    }

    @KubeCluster(name = "ju-team", flavor = ClusterFlavor.API_ONLY)
    static class ApiOnly {
    }

    @KubeCluster(flavor = ClusterFlavor.API_ONLY, images = "my/app:dev")
    static class ApiOnlyWithImages {
    }

    @KubeCluster(flavor = ClusterFlavor.API_ONLY, workers = 1)
    static class ApiOnlyWithWorkers {
    }

    @Test
    void anApiOnlyClusterIsNoFullOneAndTakesNothingThatNeedsNodes() {
        ClusterRequest apiOnly = request(ApiOnly.class);
        assertThat(apiOnly.describe()).isEqualTo("api-only");
        assertThat(apiOnly.fingerprint()).isNotEqualTo(request(TeamC.class).fingerprint());
        for (Class<?> refused : new Class<?>[] {ApiOnlyWithImages.class, ApiOnlyWithWorkers.class}) {
            assertThatThrownBy(() -> request(refused))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining(refused.getName())
                    .hasMessageContaining("API_ONLY cluster has no nodes");
        }
    }

    @Test
    void aClassWithoutNameGetsItsOwnKeyAndANameFromTheClass() {
        ClusterRequest request = request(PlainTest.class);
        assertThat(request.key()).isEqualTo("class:" + PlainTest.class.getName());
        assertThat(request.clusterName("abc123")).isEqualTo("ju-plaintest-abc123");
        assertThat(request.describe()).isEqualTo("1 control plane, 0 workers");
        assertThat(request.waitTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void derivedNamesAreShortEnoughForNodeHostnames() {
        assertThat(request(AVeryLongTestClassNameThatGoesOnAndOn.class).baseName()).isEqualTo("ju-averylongtestclassnam");
    }

    @Test
    void classesWithTheSameNameShareAKeyAndMatchWhenTheyDescribeTheSameCluster() {
        ClusterRequest a = request(TeamA.class);
        assertThat(a.key()).isEqualTo("ju-team");
        assertThat(a.describe()).isEqualTo("1 control plane, 2 workers");
        assertThat(a.waitTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(request(TeamB.class).fingerprint()).isEqualTo(a.fingerprint());
        assertThat(request(TeamC.class).fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void aConfigOnTheClasspathDescribesTheNodes() {
        assertThat(request(FromConfig.class).describe()).isEqualTo("1 control plane, 2 workers");
    }

    @Test
    void onlyReusedClustersKeepTheirNameAcrossRuns() {
        ClusterRequest reused = request(Reused.class);
        assertThat(reused.clusterName("abc123")).isEqualTo("ju-kept");
    }

    @Test
    void contradictionsAndMistakesFailBeforeAnythingStarts() {
        assertThatThrownBy(() -> request(ConfigAndCounts.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("set config or controlPlanes/workers");
        assertThatThrownBy(() -> request(MissingConfig.class)).hasMessageContaining("'nowhere.yaml' is neither on the classpath nor a file");
        assertThatThrownBy(() -> request(ImageAndVersion.class)).hasMessageContaining("set image or kubernetesVersion, not both");
        assertThatThrownBy(() -> request(InvalidName.class)).hasMessageContaining("not a valid cluster name");
        assertThatThrownBy(() -> request(BadTimeout.class)).hasMessageContaining("'soon' is not a duration");
    }

    private static ClusterRequest request(Class<?> testClass) {
        return ClusterRequest.of(testClass.getAnnotation(KubeCluster.class), testClass);
    }
}
