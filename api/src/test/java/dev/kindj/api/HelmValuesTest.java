package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class HelmValuesTest {

    @Test
    void keepsTypesAndNestingAsGiven() {
        Map<String, Object> values = Map.of("replicas", 2, "enabled", "true", "image", Map.of("tag", "1.2"),
                "args", List.of("a,b", 3));

        String yaml = HelmValues.yaml(values);

        // "true" stays a string and "a,b" one list item, which --set would have turned into a boolean and two items
        assertThat(new Yaml().<Map<String, Object>>load(yaml)).isEqualTo(values);
    }

    @Test
    void aValueOfAnotherTypeNamesItsKeyPath() {
        Map<String, Object> values = Map.of("probe", Map.of("periods", List.of(1, Duration.ofSeconds(2))));

        assertThatThrownBy(() -> HelmValues.yaml(values))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Helm value probe.periods[1] is a java.time.Duration; values are strings, numbers, booleans,"
                        + " null, lists and maps with string keys");
    }

    @Test
    void theValuesFileIsForItsOwnerOnly() throws Exception {
        Path file = HelmValues.write("password: s3cret\n");
        try {
            assertThat(Files.readString(file)).isEqualTo("password: s3cret\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        } finally {
            Files.delete(file);
        }
    }
}
