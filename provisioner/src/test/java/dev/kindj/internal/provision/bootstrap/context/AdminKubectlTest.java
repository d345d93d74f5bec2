package dev.kindj.internal.provision.bootstrap.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.node.BootFiles;
import dev.kindj.internal.provision.node.FakeNodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKubectlTest {

    private static final String NODE = "demo-control-plane";

    @Test
    void runsOfOneExecReachKubectlWithEveryArgumentIntactAndStopAtTheFirstFailure(@TempDir Path bin)
            throws IOException {
        FakeNodeProvider provider = new FakeNodeProvider();
        provider.createNode(new NodeSpec(NODE, "demo", NodeRole.CONTROL_PLANE, "img", "172.28.5.10", List.of(),
                List.of(), Map.of()), BootFiles.NONE);
        new AdminKubectl(provider, NODE, "/etc/kubernetes/super-admin.conf").runEach(List.of(
                List.of("patch", "node", NODE, "-p", "{\"a\": \"it's $HOME\"}"), List.of("fail"), List.of("never")));

        List<String> execs = provider.calls("exec " + NODE);
        assertThat(execs).hasSize(1);
        String script = execs.get(0).substring(("exec " + NODE + ": sh -c ").length());
        // the script run by a real shell, against a kubectl that prints its arguments and fails when told to
        Path kubectl = bin.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n[ \"$3\" != fail ]\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process shell = new ProcessBuilder("env", "PATH=" + bin + ":/usr/bin:/bin", "sh", "-c", script)
                .redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output.lines()).containsExactly(
                "[--kubeconfig=/etc/kubernetes/super-admin.conf]", "[--request-timeout=20s]", "[patch]", "[node]",
                "[" + NODE + "]", "[-p]", "[{\"a\": \"it's $HOME\"}]",
                "[--kubeconfig=/etc/kubernetes/super-admin.conf]", "[--request-timeout=20s]", "[fail]");
    }
}
