package dev.kindj.junit.extension;

import java.nio.file.Path;

/** kindj-test/app:1, the static HTTP server and client of scripts/test-app, built locally when missing. */
final class WorkloadImage {

    static final String NAME = "kindj-test/app:1";

    private WorkloadImage() {
    }

    static String ensure() throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/build-test-images.sh");
        Process process = new ProcessBuilder(script.toString(), "app").inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " app failed with exit code " + process.exitValue());
        }
        return NAME;
    }
}
