package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tiny imported image tagged as the node image of a version that does not exist stands in for a built one. */
class NodeImageBuilderExistingImageIT {

    private static final String FAKE_VERSION = "v1.999.0";
    private static final String TINY_IMAGE = "kindj-test/empty:1";
    /** An empty tar archive: end-of-archive zero blocks, padded to tar's 10 KiB record. */
    private static final byte[] EMPTY_TAR = new byte[10240];
    private static final String OLDER_RECIPE_TAG = NodeImage.tagPrefix(FAKE_VERSION) + "000000000000";

    private final String current = NodeImage.reference(FAKE_VERSION, KubernetesSource.MODULES);

    @BeforeEach
    void tagATinyImageAsTheCurrentOne() throws Exception {
        Process importing = new ProcessBuilder("docker", "import", "-", TINY_IMAGE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream stdin = importing.getOutputStream()) {
            stdin.write(EMPTY_TAR);
        }
        assertThat(importing.waitFor()).as("docker import").isZero();
        docker("tag", TINY_IMAGE, current);
    }

    @AfterEach
    void removeTheTags() {
        for (String name : List.of(current, OLDER_RECIPE_TAG, TINY_IMAGE)) {
            // the test may have removed it already
            if (LocalImages.exists(name)) {
                docker("image", "rm", name);
            }
        }
    }

    @Test
    void ensureReturnsAnExistingImageAtOnceWithoutRunningTheRecipe() {
        List<String> progress = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        String image = NodeImageBuilder.forVersion(FAKE_VERSION).withProgress(progress::add).ensure();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(image).isEqualTo(current);
        assertThat(progress).singleElement().asString().matches(" 0:0\\d \\[done] " + Pattern.quote(current) + " exists already");
    }

    @Test
    void findExistingPrefersTheCurrentRecipeThenTakesAnyOtherTagOfTheVersion() {
        docker("tag", current, OLDER_RECIPE_TAG);
        assertThat(NodeImageBuilder.findExisting(FAKE_VERSION)).contains(current);

        docker("image", "rm", current);
        assertThat(NodeImageBuilder.findExisting(FAKE_VERSION)).contains(OLDER_RECIPE_TAG);

        docker("image", "rm", OLDER_RECIPE_TAG);
        assertThat(NodeImageBuilder.findExisting(FAKE_VERSION)).isEmpty();
    }

    private static void docker(String... arguments) {
        DockerCommand.run(arguments).orThrow();
    }
}
