package dev.kindj.cli;

import dev.kindj.cli.shared.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.Kindj;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against the real engine: exit codes, messages, and that bad input leaves nothing behind. */
class CliIT {

    @Test
    void versionPrintsKindjsVersion() {
        CliRun version = CliRun.of("version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("kindj v");
    }

    @Test
    void aMalformedConfigNamesFileLineAndFieldAndCreatesNothing(@TempDir Path dir) throws IOException {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 6);
        Path config = dir.resolve("cluster.yaml");
        Files.writeString(config, String.join("\n",
                "kind: Cluster",
                "apiVersion: kind.x-k8s.io/v1alpha4",
                "name: " + name,
                "nodes:",
                "- role: control-plane",
                "  extraPortMapings:",
                "  - containerPort: 80",
                ""));
        CliRun create = CliRun.of("create", "cluster", "--config", config.toString(), "--image", "kindj/node:irrelevant");
        assertThat(create.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains(config + ":6:3: nodes[0].extraPortMapings")
                .contains("did you mean 'extraPortMappings'?");
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }

    @Test
    void anInvalidNameOverrideIsAUsageError(@TempDir Path dir) {
        CliRun create = CliRun.of("create", "cluster", "--name", "Not_Valid", "--image", "kindj/node:irrelevant",
                "--kubeconfig", dir.resolve("config").toString());
        assertThat(create.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains("Not_Valid");
        assertThat(dir.resolve("config")).doesNotExist();
    }

    @Test
    void aMissingNodeImageFailsWithAHintAndLeavesNothing(@TempDir Path dir) {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 6);
        CliRun create = CliRun.of("create", "cluster", "--name", name, "--image", "kindj/node:does-not-exist",
                "--kubeconfig", dir.resolve("config").toString());
        assertThat(create.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(create.err()).contains("kindj build node-image");
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }

    @Test
    void unknownClusterAndMissingArgumentsAreUsageErrors() {
        CliRun nodes = CliRun.of("get", "nodes", "--name", "no-such-cluster-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(nodes.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nodes.err()).contains("kindj get clusters lists the existing ones");

        CliRun deleteNothing = CliRun.of("delete", "clusters");
        assertThat(deleteNothing.exitCode()).isEqualTo(ExitCodes.USAGE);

        CliRun badWait = CliRun.of("create", "cluster", "--wait", "soon");
        assertThat(badWait.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badWait.err()).contains("'soon' is not a duration");
    }

    @Test
    void getClustersListsWhatCarriesTheLabel() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 6);
        // Made without kindj: a cluster is whatever carries the label.
        ProcessRun.of("docker", "network", "create", "--label", "dev.kindj.cluster=" + name, "kindj-" + name).outOrFail();
        try {
            CliRun clusters = CliRun.of("get", "clusters");
            assertThat(clusters.exitCode()).isZero();
            assertThat(clusters.out().lines()).contains(name);
        } finally {
            CliRun.of("delete", "cluster", "--name", name, "--kubeconfig", "/dev/null/none");
        }
        assertThat(Kindj.connect().clusters()).doesNotContain(name);
    }
}
