package dev.kindj.internal.provision;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/** Images the integration tests run; all are built locally, since nothing can be pulled. */
public final class TestImages {

    public static final String BUSYBOX = "kindj-test/busybox:1";
    public static final String APP = "kindj-test/app:1";

    private TestImages() {
    }

    /** A busybox image made from Debian's busybox-static, built if missing: for plain-container tests. */
    public static String busybox() throws IOException, InterruptedException {
        build("busybox");
        return BUSYBOX;
    }

    /** A static Go HTTP server and client (scripts/test-app), built if missing: the workload in clusters. */
    public static String app() throws IOException, InterruptedException {
        build("app");
        return APP;
    }

    private static void build(String which) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/build-test-images.sh");
        Process process = new ProcessBuilder(script.toString(), which).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " " + which + " failed with exit code " + process.exitValue());
        }
    }

    /**
     * The load balancer image of HA clusters: -Dkindj.loadBalancerImage when given, else the newest kindj/haproxy image
     * in the engine (`kindj build node-image` builds it with the node image).
     */
    public static String loadBalancer(DockerClient docker) {
        return given("kindj.loadBalancerImage").orElseGet(() -> newest(docker, "kindj/haproxy"));
    }

    /**
     * The node image: -Dkindj.image when given, else the newest kindj/node image in the engine
     * (scripts/test.sh builds the current recipe's image before the tests run).
     */
    public static String node(DockerClient docker) {
        return given("kindj.image").orElseGet(() -> newest(docker, "kindj/node"));
    }

    private static Optional<String> given(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(value -> !value.isBlank());
    }

    private static String newest(DockerClient docker, String repository) {
        return docker.listImagesCmd().withReferenceFilter(repository).exec().stream()
                .filter(image -> image.getRepoTags() != null && image.getRepoTags().length > 0)
                .max(Comparator.comparing(Image::getCreated))
                .map(image -> Arrays.stream(image.getRepoTags()).filter(tag -> tag.startsWith(repository + ":")).findFirst().orElseThrow())
                .orElseThrow(() -> new IllegalStateException(
                        "no " + repository + " image in the Docker engine: run ./kindj build node-image (scripts/test.sh does)"));
    }
}
