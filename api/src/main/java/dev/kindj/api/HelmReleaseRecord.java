package dev.kindj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindj.KindjException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What Helm rendered for one revision of a release, read from the record Helm keeps in the cluster: the Secret
 * {@code sh.helm.release.v1.<release>.v<revision>} in the release's namespace (Helm's default storage), whose
 * {@code release} entry is base64 of gzipped JSON with the rendered {@code manifest}. This is what
 * {@code helm get manifest} prints; helm-java has no call for it.
 */
final class HelmReleaseRecord {

    private static final Pattern SOURCE = Pattern.compile("# Source: (.+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmReleaseRecord() {
    }

    /** The rendered manifest (every template's output, hooks aside) of that revision. */
    static String manifest(KubernetesClient client, String namespace, String release, int revision) {
        String secretName = "sh.helm.release.v1." + release + ".v" + revision;
        Secret record = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (record == null || record.getData() == null || record.getData().get("release") == null) {
            throw new KindjException("Helm stored no release record " + namespace + "/" + secretName + " (kindj reads"
                    + " Helm's default storage, Secrets: unset HELM_DRIVER)", null);
        }
        return decode(record.getData().get("release"));
    }

    /** A Secret's {@code release} entry as the API returns it (base64 of Helm's own base64 of gzipped JSON). */
    static String decode(String secretValue) {
        byte[] encoded = Base64.getDecoder().decode(secretValue);
        byte[] stored = Base64.getDecoder().decode(encoded);
        try (InputStream json = gzipped(stored) ? new GZIPInputStream(new ByteArrayInputStream(stored))
                : new ByteArrayInputStream(stored)) {
            JsonNode release = JSON.readTree(json);
            return release.path("manifest").asText("");
        } catch (IOException e) {
            throw new KindjException("cannot read Helm's release record: " + e.getMessage(), e);
        }
    }

    /**
     * The objects of a rendered manifest, each named after the template that rendered it (Helm marks every document
     * with {@code # Source: <chart>/templates/<file>}).
     */
    static List<ManifestObject> objects(String manifest, String release) {
        if (manifest.isBlank()) {
            return List.of(); // a chart of NOTES or hooks only
        }
        List<String> lines = manifest.lines().toList();
        List<ManifestObject> objects = new ArrayList<>();
        for (ManifestObject object : ManifestParser.parse(manifest, "release " + release)) {
            objects.add(new ManifestObject(template(lines, object.line(), release), 0, object.content()));
        }
        return List.copyOf(objects);
    }

    /** The last {@code # Source:} comment above a line (from 1) of the manifest. */
    private static String template(List<String> lines, int line, String release) {
        for (int index = Math.min(line - 1, lines.size()) - 1; index >= 0; index--) {
            Matcher source = SOURCE.matcher(lines.get(index).strip());
            if (source.matches()) {
                return source.group(1).strip();
            }
        }
        return "release " + release + " manifest line " + line;
    }

    private static boolean gzipped(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }
}
