package dev.kindj.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.Kindj;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With reuse, stop keeps the cluster and the same request attaches to it again. */
class KindjClusterContainerReuseIT {

    private static String kept;

    @AfterAll
    static void deleteTheKeptCluster() {
        if (kept != null) {
            Kindj.connect().delete(kept);
        }
    }

    @Test
    void theSameRequestAttachesToTheKeptCluster() {
        KindjClusterContainer first = new KindjClusterContainer().withReuse(true).withImages(TestImages.app());
        first.start();
        kept = first.getCluster().name();
        assertThat(first.getCluster().reused()).isFalse();
        first.getClient().configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("left-by-the-first")
                .endMetadata().build()).create();
        first.stop();
        assertThat(Kindj.connect().clusters()).contains(kept);

        KindjClusterContainer second = new KindjClusterContainer().withReuse(true).withImages(TestImages.app());
        Instant start = Instant.now();
        second.start();
        Duration attach = Duration.between(start, Instant.now());
        try {
            assertThat(second.getCluster().name()).isEqualTo(kept).startsWith("tc-kept-");
            assertThat(second.getCluster().reused()).isTrue();
            assertThat(second.getClient().configMaps().withName("left-by-the-first").get()).isNotNull();
            assertThat(attach).isLessThan(Duration.ofSeconds(15));
        } finally {
            second.stop();
        }
        assertThat(Kindj.connect().clusters()).as("stop keeps a reused cluster").contains(kept);
    }
}
