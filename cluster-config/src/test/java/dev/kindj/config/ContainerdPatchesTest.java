package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContainerdPatchesTest {

    private static final String HEADER = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            """;

    @Test
    void readsBothKindsOfPatchInOrder() {
        ClusterConfig config = ClusterConfigLoader.parse(HEADER + """
                containerdConfigPatches:
                - |-
                  [plugins."io.containerd.grpc.v1.cri".registry]
                    config_path = "/etc/containerd/certs.d"
                containerdConfigPatchesJSON6902:
                - |
                  - op: add
                    path: /plugins/io.containerd.grpc.v1.cri/containerd/runtimes/extra
                    value: {runtime_type: io.containerd.runc.v2}
                - '[{"op": "remove", "path": "/plugins/io.containerd.grpc.v1.cri/cni"}]'
                """, "patches.yaml");

        assertThat(config.containerdConfigPatches()).containsExactly("""
                [plugins."io.containerd.grpc.v1.cri".registry]
                  config_path = "/etc/containerd/certs.d\"""");
        assertThat(config.containerdConfigPatchesJSON6902()).hasSize(2);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aTomlPatchThatDoesNotParseIsReportedAtItsLineInTheFile() {
        assertThatThrownBy(() -> ClusterConfigLoader.parse(HEADER + """
                containerdConfigPatches:
                - |-
                  [plugins."io.containerd.grpc.v1.cri".registry]
                    config_path = /etc/containerd/certs.d
                """, "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.yaml:6:")
                .hasMessageContaining("containerdConfigPatches[0]: the patch is not valid TOML");
    }

    @Test
    void aPatchForAnotherConfigVersionSaysWhichVersionNodesRun() {
        assertThatThrownBy(() -> ClusterConfig.builder().withContainerdConfigPatch("""
                version = 3
                [plugins.'io.containerd.cri.v1.images'.registry]
                config_path = '/etc/containerd/certs.d'
                """).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("containerdConfigPatches[0]: sets containerd's config version 3; nodes run a "
                        + "version 2 configuration, as kind's do");
    }

    @Test
    void json6902OperationsAreCheckedOneByOne() {
        assertThatThrownBy(() -> ClusterConfigLoader.parse(HEADER + """
                containerdConfigPatchesJSON6902:
                - |
                  - op: add
                    path: /plugins/x
                  - op: rename
                    path: /plugins/y
                  - op: copy
                    path: /plugins/z
                """, "ops.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ops.yaml:5:5: containerdConfigPatchesJSON6902[0][0]: 'add' needs a 'value'")
                .hasMessageContaining("ops.yaml:7:5: containerdConfigPatchesJSON6902[0][1]: 'op' must be one of add, "
                        + "copy, move, remove, replace, test, not 'rename'")
                .hasMessageContaining("containerdConfigPatchesJSON6902[0][2]: 'copy' needs a 'from' path");
    }

    @Test
    void aJson6902PatchMustBeAList() {
        assertThatThrownBy(() -> ClusterConfig.builder()
                .withContainerdConfigPatchJSON6902("op: add\npath: /plugins/x\nvalue: 1").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("containerdConfigPatchesJSON6902[0]: a JSON 6902 patch is a list of operations");
    }
}
