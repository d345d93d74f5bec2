package dev.kindj.cli;

import dev.kindj.cli.shared.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config whose kubeadm patch kindj cannot honour stops `create cluster` before any container exists. */
class BadKubeadmPatchTest {

    @Test
    void isAConfigErrorNamingTheLineInsideThePatch(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: kubeadm-patch-refused
                nodes:
                - role: control-plane
                  kubeadmConfigPatches:
                  - |
                    kind: ClusterConfiguration
                    apiServer:
                      extraArgs:
                        secure-port: "7443"
                """);

        CliRun run = CliRun.of("create", "cluster", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(config + ":11:22: nodes[0].kubeadmConfigPatches[0].apiServer.extraArgs"
                + ".secure-port: --secure-port of kube-apiserver cannot be changed");
    }

    @Test
    void aJson6902OperationThatDoesNotApplyIsAConfigErrorAtItsLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bad-json.yaml"), """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: kubeadm-json-patch-refused
                nodes:
                - role: control-plane
                  kubeadmConfigPatchesJSON6902:
                  - group: kubeadm.k8s.io
                    version: v1beta3
                    kind: ClusterConfiguration
                    patch: |
                      - op: replace
                        path: /apiServer/timeoutForControlPlane
                        value: 4m0s
                """);

        CliRun run = CliRun.of("create", "cluster", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(config + ":11:9: nodes[0].kubeadmConfigPatchesJSON6902[0].patch[0]: 'replace "
                + "/apiServer/timeoutForControlPlane' does not apply to the ClusterConfiguration document kindj "
                + "patches");
    }
}
