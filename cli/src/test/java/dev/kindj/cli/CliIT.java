package dev.kindj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.provision.docker.DockerNodeProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against the real engine: exit codes, messages, and that bad input leaves nothing behind. */
class CliIT {

    private static DockerNodeProvider provider;

    @BeforeAll
    static void connect() {
        provider = DockerNodeProvider.connect();
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Kindj.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void versionPrintsKindjsVersion() {
        Run version = run("version");
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
        Run create = run("create", "cluster", "--config", config.toString(), "--image", "kindj/node:irrelevant");
        assertThat(create.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains(config + ":6:3: nodes[0].extraPortMapings")
                .contains("did you mean 'extraPortMappings'?");
        assertThat(provider.listClusters()).doesNotContain(name);
    }

    @Test
    void anInvalidNameOverrideIsAUsageError(@TempDir Path dir) {
        Run create = run("create", "cluster", "--name", "Not_Valid", "--image", "kindj/node:irrelevant",
                "--kubeconfig", dir.resolve("config").toString());
        assertThat(create.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains("Not_Valid");
        assertThat(dir.resolve("config")).doesNotExist();
    }

    @Test
    void aMissingNodeImageFailsWithAHintAndLeavesNothing(@TempDir Path dir) {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 6);
        Run create = run("create", "cluster", "--name", name, "--image", "kindj/node:does-not-exist",
                "--kubeconfig", dir.resolve("config").toString());
        assertThat(create.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(create.err()).contains("kindj build node-image");
        assertThat(provider.listClusters()).doesNotContain(name);
    }

    @Test
    void unknownClusterAndMissingArgumentsAreUsageErrors() {
        Run nodes = run("get", "nodes", "--name", "no-such-cluster-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(nodes.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nodes.err()).contains("kindj get clusters lists the existing ones");

        Run deleteNothing = run("delete", "clusters");
        assertThat(deleteNothing.exitCode()).isEqualTo(ExitCodes.USAGE);

        Run badWait = run("create", "cluster", "--wait", "soon");
        assertThat(badWait.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badWait.err()).contains("'soon' is not a duration");
    }

    @Test
    void getClustersListsWhatCarriesTheLabel() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 6);
        provider.createNetwork(name);
        try {
            Run clusters = run("get", "clusters");
            assertThat(clusters.exitCode()).isZero();
            assertThat(clusters.out().lines()).contains(name);
        } finally {
            run("delete", "cluster", "--name", name, "--kubeconfig", "/dev/null/none");
        }
        assertThat(provider.listClusters()).doesNotContain(name);
    }
}
