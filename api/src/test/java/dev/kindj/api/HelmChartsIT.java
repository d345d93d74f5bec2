package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm charts kept in the test resources, installed, upgraded and uninstalled on one real cluster. */
class HelmChartsIT {

    private static final String NAME = "helm-it-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String NAMESPACE = "charts";
    private static final Duration READY = Duration.ofMinutes(2);
    private static KindjCluster cluster;
    private static Path web;
    private static Path webArchive;

    @TempDir
    static Path packaged;

    @BeforeAll
    static void create() throws Exception {
        TestApp.build();
        web = HelmReleaseRecordTest.chart("web");
        new Helm(web).packageIt().withDestination(packaged).call();
        webArchive = packaged.resolve("web-0.1.0.tgz");
        cluster = Kindj.connect().cluster(NAME).create();
        cluster.loadImages(TestApp.IMAGE);
    }

    @AfterAll
    static void delete() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void valuesFromAFileAndAMapShapeTheLiveObjects() throws Exception {
        Path valuesFile = Path.of(getClass().getResource("/charts/web-values-file.yaml").toURI());

        HelmRelease release = cluster.helm().install("shop", web).namespace(NAMESPACE)
                .valuesFile(valuesFile)
                .values(Map.of("replicas", 2))   // later than the file, so it wins
                .awaitReady(READY);

        assertThat(release.revision()).isEqualTo(1);
        assertThat(release.chart()).isEqualTo("web-0.1.0");
        assertThat(release.objects()).containsExactly("Service charts/shop (web/templates/service.yaml)",
                "Deployment charts/shop (web/templates/deployment.yaml)");
        Deployment live = deployment("shop");
        assertThat(live.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("serve", "8080", "from a values file");
    }

    @Test
    void anUpgradeFromTheArchiveChangesTheLiveObject() {
        cluster.helm().install("cart", web).namespace(NAMESPACE).awaitReady(READY);

        HelmRelease upgraded = cluster.helm().upgrade("cart", webArchive).namespace(NAMESPACE)
                .values(Map.of("message", "upgraded")).awaitReady(READY);

        assertThat(upgraded.revision()).isEqualTo(2);
        Deployment live = deployment("cart");
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("serve", "8080", "upgraded");
        assertThat(live.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(live.getStatus().getReadyReplicas()).isEqualTo(1);
    }

    @Test
    void uninstallDeletesWhatTheChartMade() {
        cluster.helm().upgradeOrInstall("gone", web).namespace(NAMESPACE).run();
        assertThat(deployment("gone")).isNotNull();

        cluster.helm().uninstall("gone", NAMESPACE);

        assertThat(deployment("gone")).isNull();
        assertThat(client().services().inNamespace(NAMESPACE).withName("gone").get()).isNull();
        assertThatThrownBy(() -> cluster.helm().uninstall("gone", NAMESPACE))
                .isInstanceOf(KindjException.class)
                .hasMessageStartingWith("helm uninstall of release charts/gone failed: ")
                .hasMessageContaining("not found");
    }

    @Test
    void aChartThatDoesNotRenderSaysWhyAndLeavesNoRelease() throws Exception {
        Path broken = HelmReleaseRecordTest.chart("broken");

        assertThatThrownBy(() -> cluster.helm().install("broken", broken).run())
                .isInstanceOf(KindjException.class)
                .hasMessageStartingWith("helm install of chart " + broken + " as release default/broken failed: ")
                .hasMessageContaining("broken/templates/configmap.yaml")
                .hasMessageContaining("nil pointer evaluating interface {}.tag");
        assertThat(client().secrets().inNamespace("default").withLabel("owner", "helm").withLabel("name", "broken")
                .list().getItems()).isEmpty();
    }

    @Test
    void aMissingChartSaysSoBeforeHelmRuns() {
        assertThatThrownBy(() -> cluster.helm().install("nothing", Path.of("charts/nothing")).run())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Helm chart charts/nothing does not exist");
    }

    @Test
    void aTimeoutNamesTheObjectItsTemplateAndWhy() {
        HelmRelease stuck = cluster.helm().install("stuck", web).namespace(NAMESPACE)
                .values(Map.of("image", "kindj-test/not-loaded:1")).run();

        assertThatThrownBy(() -> stuck.awaitReady(Duration.ofSeconds(15)))
                .isInstanceOf(KindjException.class)
                .hasMessageContaining("1 of 2 applied objects not ready after 15 s")
                .hasMessageContaining("Deployment charts/stuck (web/templates/deployment.yaml) is not ready:"
                        + " 0 of 1 replicas available")
                .hasMessageContaining("ErrImageNeverPull");
    }

    @Test
    void helmTalksToTheClusterThroughAFileOnlyItsOwnerReads() throws Exception {
        Path kubeconfig = cluster.kubeconfigPath();

        assertThat(Files.getPosixFilePermissions(kubeconfig)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    private static Deployment deployment(String name) {
        return client().apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    private static KubernetesClient client() {
        return cluster.client();
    }
}
