package dev.kindj.internal.provision;

import dev.kindj.internal.nodeimage.KubernetesSource;
import dev.kindj.internal.nodeimage.LoadBalancerImage;
import dev.kindj.internal.nodeimage.NodeImage;
import java.io.IOException;
import java.nio.file.Path;
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
     * The load balancer image of HA clusters: -Dkindj.loadBalancerImage when given, else the one this checkout's recipe
     * builds (`kindj build node-image` builds it with the node image).
     */
    public static String loadBalancer() {
        return given("kindj.loadBalancerImage").orElseGet(LoadBalancerImage::reference);
    }

    /**
     * The node image: -Dkindj.image when given, else the one this checkout's recipe builds (scripts/test.sh builds it
     * before the tests run), never merely the newest: other checkouts on the machine build images of other recipes.
     */
    public static String node() {
        return given("kindj.image").orElseGet(
                () -> NodeImage.reference(NodeImage.DEFAULT_KUBERNETES_VERSION, KubernetesSource.MODULES));
    }

    private static Optional<String> given(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(value -> !value.isBlank());
    }
}
