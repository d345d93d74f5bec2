package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    @Test
    void readsWhatAnObjectMapperReads() throws IOException {
        String json = """
                [{"Id": "abc", "Names": ["/kind-control-plane"], "Labels": {"dev.kindj.cluster": "kind"},
                  "Created": 1796012870, "Size": 12345678901, "Huge": 123456789012345678901234567890,
                  "Ratio": 0.25, "Running": true, "Paused": false, "Mounts": [], "HostConfig": null, "Empty": {}}]
                """;

        assertThat(JsonTrees.read(stream(json))).isEqualTo(new ObjectMapper().readTree(json));
    }

    @Test
    void anEmptyBodyIsAMissingNode() throws IOException {
        assertThat(JsonTrees.read(stream("")).path("message").asText()).isEmpty();
        assertThat(JsonTrees.read(stream("")).isMissingNode()).isTrue();
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
