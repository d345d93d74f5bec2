package dev.kindj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A multi-platform image as a pull leaves it on Docker's containerd image store: an OCI index naming a manifest for
 * the engine's platform, whose content is there, and one for another platform, whose content is not. No registry
 * and no buildx here, so the OCI image layout is written by hand from a single-platform image's {@code docker save}
 * archive (its config and layers), then {@code docker load}ed. Saving such an image whole gives an archive that
 * names content it lacks: what breaks kind's {@code load docker-image} (kind#3795).
 */
final class PartialMultiPlatformImage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private PartialMultiPlatformImage() {
    }

    /**
     * @param savedImage a {@code docker save} archive of one single-platform image, extracted
     * @param layout     an empty directory the OCI layout is written to
     * @param name       the image's name, e.g. {@code docker.io/kindj-test/multi-platform:1}
     * @param absentArchitecture the platform whose manifest the index names but the layout lacks
     */
    static void write(Path savedImage, Path layout, String name, String absentArchitecture) throws IOException {
        JsonNode saved = JSON.readTree(savedImage.resolve("manifest.json").toFile()).get(0);
        ObjectNode config = (ObjectNode) JSON.readTree(savedImage.resolve(saved.get("Config").asText()).toFile());
        ArrayNode layers = JSON.createArrayNode();
        for (JsonNode layer : saved.get("Layers")) {
            layers.add(blob(layout, Files.readAllBytes(savedImage.resolve(layer.asText())),
                    "application/vnd.oci.image.layer.v1.tar", true));
        }
        ArrayNode manifests = JSON.createArrayNode();
        String present = config.get("architecture").asText();
        for (String architecture : List.of(present, absentArchitecture)) {
            boolean written = architecture.equals(present);
            ObjectNode platformConfig = config.deepCopy().put("architecture", architecture);
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST);
            manifest.set("config", blob(layout, JSON.writeValueAsBytes(platformConfig),
                    "application/vnd.oci.image.config.v1+json", written));
            manifest.set("layers", layers);
            ObjectNode descriptor = blob(layout, JSON.writeValueAsBytes(manifest), MANIFEST, written);
            descriptor.set("platform", JSON.valueToTree(Map.of("os", "linux", "architecture", architecture)));
            manifests.add(descriptor);
        }
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", INDEX);
        index.set("manifests", manifests);
        ObjectNode image = blob(layout, JSON.writeValueAsBytes(index), INDEX, true);
        image.set("annotations", JSON.valueToTree(Map.of("io.containerd.image.name", name,
                "org.opencontainers.image.ref.name", name.substring(name.lastIndexOf(':') + 1))));
        ObjectNode top = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", INDEX);
        top.set("manifests", JSON.createArrayNode().add(image));
        Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(top));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    /** The descriptor of the content, which is written under blobs/ only when {@code written}. */
    private static ObjectNode blob(Path layout, byte[] content, String mediaType, boolean written) throws IOException {
        String digest = sha256(content);
        if (written) {
            Path file = layout.resolve("blobs/sha256/" + digest);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", "sha256:" + digest)
                .put("size", content.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
