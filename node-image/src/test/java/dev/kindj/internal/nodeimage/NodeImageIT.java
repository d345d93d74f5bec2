package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real node image, built or reused, checked by the recipe's own verify.sh. The provisioner's
 * NodeImageContainerIT checks the same image started through the provider.
 */
class NodeImageIT {

    /** The recipe's own checks: systemd, etcd health, nested containers, sysctl shadowing, DNS, restart. */
    @Test
    void recipeVerificationPasses() throws IOException, InterruptedException {
        String image = NodeImageBuilder.forDefaultVersion().withProgress(System.out::println).ensure();
        Path script = Path.of(System.getProperty("user.dir"), "recipe", "verify.sh");
        Path output = Files.createTempFile("kindj-verify", ".log");
        try {
            Process verify = new ProcessBuilder("bash", script.toString(), image)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            int exitCode = verify.waitFor();
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exitCode).as("verify.sh output:%n%s", log).isZero();
            assertThat(log).containsPattern("(?m)^[1-9][0-9]* passed, 0 failed$");
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
