package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link Kindj} answers without a Docker engine. */
class KindjTest {

    @Test
    void theVersionIsTheOneMavenStamped() {
        assertThat(Kindj.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
