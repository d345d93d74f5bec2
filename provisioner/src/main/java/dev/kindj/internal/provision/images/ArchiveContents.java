package dev.kindj.internal.provision.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.kindj.internal.provision.node.UnknownNameException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The images in an archive written by {@code docker save}, read from its {@code manifest.json}: each named image
 * with its config digest. Images the archive holds without a name are not listed (containerd imports only named
 * ones).
 */
final class ArchiveContents {

    private ArchiveContents() {
    }

    /**
     * @throws UnknownNameException when there is no such file
     * @throws IllegalArgumentException when the file is not an image archive
     */
    static List<LocalImage> read(Path archive) {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(file)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    return images(new ObjectMapper().readTree(tar), archive);
                }
            }
        } catch (NoSuchFileException e) {
            throw new UnknownNameException("no image archive " + archive + ": the file does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("reading image archive " + archive + " failed", e);
        }
        throw new dev.kindj.InvalidRequestException(archive + " is not an image archive from docker save: it has no manifest.json");
    }

    private static List<LocalImage> images(JsonNode manifest, Path archive) {
        List<LocalImage> images = new ArrayList<>();
        for (JsonNode image : manifest) {
            String id = configDigest(image.path("Config").asText(""));
            for (JsonNode tag : image.path("RepoTags")) {
                images.add(new LocalImage(ImageName.parse(tag.asText()), id));
            }
        }
        if (images.isEmpty()) {
            throw new dev.kindj.InvalidRequestException(archive + " holds no named image; save images by NAME:TAG");
        }
        return images;
    }

    /** {@code <hex>.json} in Docker's own layout, {@code blobs/sha256/<hex>} in the OCI layout of newer engines. */
    private static String configDigest(String configPath) {
        String file = configPath.substring(configPath.lastIndexOf('/') + 1);
        return "sha256:" + (file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file);
    }
}
