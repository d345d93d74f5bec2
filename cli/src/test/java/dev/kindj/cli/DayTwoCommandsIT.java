package dev.kindj.cli;

import dev.kindj.cli.shared.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day-2 commands name what does not exist and exit with the usage code, touching nothing. */
class DayTwoCommandsIT {

    private static final String MISSING = "d2-missing-" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void everyDayTwoCommandNamesAMissingCluster(@TempDir Path dir) {
        for (List<String> command : List.of(
                List.of("load", "docker-image", "kindj-test/app:1"),
                List.of("load", "image-archive", dir.resolve("image.tar").toString()),
                List.of("export", "logs", dir.resolve("logs").toString()),
                List.of("stop", "cluster"),
                List.of("start", "cluster"),
                List.of("create", "node"),
                List.of("delete", "node", MISSING + "-worker"))) {
            String[] args = Stream.concat(command.stream(), Stream.of("--name", MISSING))
                    .toArray(String[]::new);
            CliRun result = CliRun.of(args);
            assertThat(result.exitCode()).as("exit code of %s: %s", command, result.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as("error of %s", command).contains("no cluster named '" + MISSING + "'");
        }
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void onlyWorkersAndControlPlanesCanBeAdded() {
        CliRun result = CliRun.of("create", "node", "--name", MISSING, "--role", "external-load-balancer");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'external-load-balancer' is not a role; use worker or control-plane");

        CliRun controlPlane = CliRun.of("create", "node", "--name", MISSING, "--role", "control-plane");
        assertThat(controlPlane.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(controlPlane.err()).contains("no cluster named '" + MISSING + "'");
    }
}
