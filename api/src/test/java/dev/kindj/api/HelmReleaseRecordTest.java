package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.marcnuri.helm.Helm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading what Helm rendered, without a cluster: Helm's own output (its native library runs here) and its record. */
class HelmReleaseRecordTest {

    @Test
    void eachRenderedObjectIsNamedAfterItsTemplate() throws URISyntaxException {
        // helm template renders exactly what helm install stores as the release's manifest
        String manifest = Helm.template(chart("web").toString()).withName("shop").set("replicas", 3).call();

        List<ManifestObject> objects = HelmReleaseRecord.objects(manifest, "shop");

        assertThat(objects).extracting(ManifestObject::kind, ManifestObject::name, ManifestObject::where).containsExactly(
                tuple("Service", "shop", "web/templates/service.yaml"),
                tuple("Deployment", "shop", "web/templates/deployment.yaml"));
        assertThat(objects.get(1).content()).extractingByKey("spec").asInstanceOf(MAP).containsEntry("replicas", 3);
    }

    @Test
    void aChartThatRendersNothingHasNoObjects() {
        assertThat(HelmReleaseRecord.objects("\n", "notes-only")).isEmpty();
    }

    @Test
    void decodesTheRecordAsTheApiReturnsIt() throws IOException {
        String json = "{\"name\":\"shop\",\"version\":2,\"manifest\":\"---\\n# Source: web/templates/a.yaml\\nkind: X\\n\"}";
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        // Helm base64-encodes the gzipped JSON; the API base64-encodes Secret data once more
        String helmEncoded = Base64.getEncoder().encodeToString(gzipped.toByteArray());
        String secretValue = Base64.getEncoder().encodeToString(helmEncoded.getBytes(StandardCharsets.US_ASCII));

        assertThat(HelmReleaseRecord.decode(secretValue)).isEqualTo("---\n# Source: web/templates/a.yaml\nkind: X\n");
    }

    static Path chart(String name) throws URISyntaxException {
        return Path.of(HelmReleaseRecordTest.class.getResource("/charts/" + name).toURI());
    }
}
