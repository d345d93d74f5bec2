package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsShortFormsAndIso8601() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("PT2M30S")).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void rejectsAnythingElseSayingWhatItExpects() {
        assertThatThrownBy(() -> Durations.parse("3 minutes")).hasMessageContaining("write e.g. 90s, 3m, 1h or PT3M");
    }
}
