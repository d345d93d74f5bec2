package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreloadedImagesTest {

    private static final List<String> ALL = List.of(PreloadedImages.PAUSE, PreloadedImages.COREDNS,
            PreloadedImages.LOCAL_PATH_PROVISIONER, PreloadedImages.LOCAL_PATH_HELPER, PreloadedImages.METALLB_CONTROLLER,
            PreloadedImages.METALLB_SPEAKER);

    @Test
    void commentsAndBlankLinesAreSkipped() {
        assertThat(PreloadedImages.parse("# a comment\n\nPAUSE_IMAGE=registry.example/pause:1\n"))
                .isEqualTo(Map.of("PAUSE_IMAGE", "registry.example/pause:1"));
    }

    @Test
    void linesBashWouldReadOtherwiseAreRefused() {
        for (String line : List.of("A=\"quoted:1\"", "A=$B", "A=x:1 # trailing", "A = x:1", "export A=x:1", "lower=x:1")) {
            assertThatThrownBy(() -> PreloadedImages.parse(line)).as(line)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(line);
        }
    }

    @Test
    void javaReadsTheRecipeFileAsBashSourcesIt() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource(PreloadedImages.RESOURCE).toURI());
        Map<String, String> names = PreloadedImages.parse(Files.readString(file, StandardCharsets.UTF_8));

        assertThat(names).containsOnlyKeys("PAUSE_IMAGE", "COREDNS_IMAGE", "LOCAL_PATH_IMAGE", "LOCAL_PATH_HELPER_IMAGE",
                "METALLB_CONTROLLER_IMAGE", "METALLB_SPEAKER_IMAGE");
        for (Map.Entry<String, String> name : names.entrySet()) {
            assertThat(sourced(file, name.getKey())).as(name.getKey()).isEqualTo(name.getValue());
        }
        assertThat(ALL).containsExactlyInAnyOrderElementsOf(names.values());
    }

    /** containerd stores names fully qualified; a short one in a manifest would not match and the node would pull. */
    @Test
    void everyNameIsFullyQualifiedWithATag() {
        assertThat(ALL)
                .allMatch(name -> name.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+/[a-z0-9._/-]+:[A-Za-z0-9_.-]+"))
                .doesNotHaveDuplicates();
    }

    private static String sourced(Path file, String key) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" && printf %s \"${!2}\"", "bash", file.toString(), key)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String value = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as("bash exit code").isZero();
        return value;
    }
}
