package dev.kindj.internal.provision.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.internal.provision.node.UnknownNameException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveContentsTest {

    private static final String HEX = "08be6559ccb200ea0305f1b48bf1185df6c212497952ffbfa2188c163f6ee0a9";

    @TempDir
    Path dir;

    @Test
    void readsNamesAndConfigDigestsOfDockersOwnLayout() throws IOException {
        Path archive = archive("[{\"Config\":\"" + HEX + ".json\",\"RepoTags\":[\"kindj-test/app:1\",\"app:2\"]}]");
        assertThat(ArchiveContents.read(archive)).containsExactly(
                new LocalImage(ImageName.parse("kindj-test/app:1"), "sha256:" + HEX),
                new LocalImage(ImageName.parse("app:2"), "sha256:" + HEX));
    }

    @Test
    void readsTheOciLayoutOfNewerEngines() throws IOException {
        Path archive = archive("[{\"Config\":\"blobs/sha256/" + HEX + "\",\"RepoTags\":[\"app:1\"]}]");
        assertThat(ArchiveContents.read(archive)).extracting(LocalImage::id).containsExactly("sha256:" + HEX);
    }

    @Test
    void explainsWhatIsWrongWithTheFile() throws IOException {
        assertThatThrownBy(() -> ArchiveContents.read(dir.resolve("missing.tar")))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("missing.tar");
        assertThatThrownBy(() -> ArchiveContents.read(archive("[{\"Config\":\"" + HEX + ".json\",\"RepoTags\":null}]")))
                .hasMessageContaining("no named image");
        Path notAnImage = dir.resolve("other.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(notAnImage))) {
            tar.finish();
        }
        assertThatThrownBy(() -> ArchiveContents.read(notAnImage)).hasMessageContaining("no manifest.json");
    }

    private Path archive(String manifest) throws IOException {
        Path archive = dir.resolve("image.tar");
        byte[] content = manifest.getBytes(StandardCharsets.UTF_8);
        try (OutputStream file = Files.newOutputStream(archive); TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            TarArchiveEntry entry = new TarArchiveEntry("manifest.json");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return archive;
    }
}
