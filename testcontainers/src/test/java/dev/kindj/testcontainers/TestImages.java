package dev.kindj.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The workload image the tests load, built on this machine by the repository's script (no registry), and its charts. */
final class TestImages {

    private static final String APP = "kindj-test/app:1";
    private static boolean built;

    private TestImages() {
    }

    /** A Helm chart of the API module's tests ({@code api/src/test/resources/charts/}): web runs {@value #APP}. */
    static Path chart(String name) {
        return Path.of("..", "api", "src", "test", "resources", "charts", name);
    }

    /** {@value #APP}, built (or found up to date) on first use. */
    static synchronized String app() {
        if (!built) {
            try {
                Process build = new ProcessBuilder(Path.of("..", "scripts", "build-test-images.sh").toString(), "app")
                        .inheritIO().start();
                if (build.waitFor() != 0) {
                    throw new IllegalStateException("scripts/build-test-images.sh app failed with exit " + build.exitValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            built = true;
        }
        return APP;
    }
}
