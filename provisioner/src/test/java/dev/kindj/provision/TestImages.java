package dev.kindj.provision;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/** Images the integration tests run; all are built locally, since nothing can be pulled. */
public final class TestImages {

    public static final String BUSYBOX = "kindj-test/busybox:1";

    private TestImages() {
    }

    /** A busybox image made from Debian's busybox-static (scripts/build-test-image.sh), built if missing. */
    public static String busybox() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/build-test-image.sh");
        Process process = new ProcessBuilder(script.toString(), BUSYBOX).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + process.exitValue());
        }
        return BUSYBOX;
    }

    /**
     * The node image: -Dkindj.image when given, else the newest kindj/node image in the engine
     * (scripts/test.sh builds the current recipe's image before the tests run).
     */
    public static String node(DockerClient docker) {
        String given = System.getProperty("kindj.image");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return docker.listImagesCmd().withReferenceFilter("kindj/node").exec().stream()
                .filter(image -> image.getRepoTags() != null && image.getRepoTags().length > 0)
                .max(Comparator.comparing(Image::getCreated))
                .map(image -> Arrays.stream(image.getRepoTags()).filter(tag -> tag.startsWith("kindj/node:")).findFirst().orElseThrow())
                .orElseThrow(() -> new IllegalStateException(
                        "no kindj/node image in the Docker engine: run ./kindj build node-image (scripts/test.sh does)"));
    }
}
