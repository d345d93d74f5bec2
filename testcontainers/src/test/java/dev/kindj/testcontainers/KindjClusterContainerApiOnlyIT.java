package dev.kindj.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.Kindj;
import dev.kindj.api.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code withApiOnly()}: a cluster without nodes that takes manifests, and refuses images before anything is made. */
class KindjClusterContainerApiOnlyIT {

    private final String name = "tc-apionly-" + UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void deleteLeftovers() {
        Kindj.connect().delete(name);
    }

    @Test
    void anApiOnlyContainerServesTheApiAndItsManifestsWithoutNodes() {
        KindjClusterContainer container = new KindjClusterContainer().withName(name).withApiOnly()
                .withManifests(Manifests.fromYaml("""
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                        data:
                          mode: test
                        """, "settings.yaml"));
        try {
            container.start();
            assertThat(container.getClient().nodes().list().getItems()).isEmpty();
            ConfigMap applied = container.getClient().configMaps().withName("settings").get();
            assertThat(applied.getData()).containsEntry("mode", "test");
            assertThat(container.getCluster().nodes()).hasSize(1);
        } finally {
            container.stop();
        }
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }

    @Test
    void imagesAndWorkersAreRefusedBeforeAnyClusterIsMade() {
        assertThatThrownBy(new KindjClusterContainer().withName(name).withApiOnly().withImages("kindj-test/app:1")::start)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("api-only cluster has no nodes to load images");
        assertThatThrownBy(new KindjClusterContainer().withName(name).withApiOnly().withWorkers(2)::start)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("2 worker(s)");
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }
}
