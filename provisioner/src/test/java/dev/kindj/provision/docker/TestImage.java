package dev.kindj.provision.docker;

import java.io.IOException;
import java.nio.file.Path;

/** The busybox image the provider tests run, built locally from Debian's busybox-static. */
final class TestImage {

    static final String BUSYBOX = "kindj-test/busybox:1";

    private TestImage() {
    }

    static String busybox() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/build-test-image.sh");
        Process process = new ProcessBuilder(script.toString(), BUSYBOX).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + process.exitValue());
        }
        return BUSYBOX;
    }
}
