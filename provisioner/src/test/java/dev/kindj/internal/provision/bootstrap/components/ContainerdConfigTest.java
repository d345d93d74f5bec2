package dev.kindj.internal.provision.bootstrap.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.kindj.config.ClusterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerdConfigTest {

    /** The node image's own file, as build.sh installs it. */
    private static final Path NODE_CONFIG = Path.of("../node-image/recipe/node/files/etc/containerd/config.toml");

    @Test
    void tomlPatchesMergeTableByTableAndLaterOnesWin() throws IOException {
        ClusterConfig config = ClusterConfig.builder()
                .withContainerdConfigPatch("""
                        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.test-handler]
                          runtime_type = "io.containerd.runc.v2"
                        [plugins."io.containerd.grpc.v1.cri"]
                          max_container_log_line_size = 1024
                        """)
                .withContainerdConfigPatch("""
                        [plugins."io.containerd.grpc.v1.cri"]
                          max_container_log_line_size = 2048
                        """)
                .build();

        JsonNode cri = cri(ContainerdConfig.patched(nodeConfig(), config));

        assertThat(cri.path("containerd").path("runtimes").path("test-handler").path("runtime_type").asText())
                .isEqualTo("io.containerd.runc.v2");
        // the image's own setting (the cgroupfs driver) is kept
        assertThat(cri.path("containerd").path("runtimes").path("runc").path("options").has("SystemdCgroup")).isTrue();
        assertThat(cri.path("containerd").path("runtimes").path("runc").path("options").path("SystemdCgroup")
                .asBoolean()).isFalse();
        assertThat(cri.path("max_container_log_line_size").asInt()).isEqualTo(2048);
        assertThat(cri.path("sandbox_image").asText()).isEqualTo("@PAUSE_IMAGE@");
    }

    @Test
    void json6902PatchesApplyAfterTheTomlOnes() throws IOException {
        ClusterConfig config = ClusterConfig.builder()
                .withContainerdConfigPatch("""
                        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.first]
                          runtime_type = "io.containerd.runc.v2"
                        """)
                .withContainerdConfigPatchJSON6902("""
                        - op: move
                          from: /plugins/io.containerd.grpc.v1.cri/containerd/runtimes/first
                          path: /plugins/io.containerd.grpc.v1.cri/containerd/runtimes/second
                        """)
                .withContainerdConfigPatchJSON6902(
                        "[{\"op\": \"replace\", \"path\": \"/plugins/io.containerd.grpc.v1.cri/cni/conf_dir\","
                                + " \"value\": \"/etc/cni/other\"}]")
                .build();

        JsonNode cri = cri(ContainerdConfig.patched(nodeConfig(), config));

        assertThat(cri.path("containerd").path("runtimes").has("first")).isFalse();
        assertThat(cri.path("containerd").path("runtimes").path("second").path("runtime_type").asText())
                .isEqualTo("io.containerd.runc.v2");
        assertThat(cri.path("cni").path("conf_dir").asText()).isEqualTo("/etc/cni/other");
    }

    @Test
    void mirrorsFromAPatchReplaceTheImagesCertsDirectoryWhichContainerdWouldNotTakeWithThem() throws IOException {
        ClusterConfig mirrors = ClusterConfig.builder().withContainerdConfigPatch("""
                [plugins."io.containerd.grpc.v1.cri".registry.mirrors."localhost:5000"]
                  endpoint = ["http://kind-registry:5000"]
                """).build();
        ClusterConfig both = ClusterConfig.builder().withContainerdConfigPatch("""
                [plugins."io.containerd.grpc.v1.cri".registry]
                  config_path = "/etc/containerd/certs.d"
                [plugins."io.containerd.grpc.v1.cri".registry.mirrors."localhost:5000"]
                  endpoint = ["http://kind-registry:5000"]
                """).build();

        assertThat(cri(nodeConfig()).path("registry").path("config_path").asText()).isEqualTo("/etc/containerd/certs.d");
        JsonNode registry = cri(ContainerdConfig.patched(nodeConfig(), mirrors)).path("registry");
        assertThat(registry.has("config_path")).isFalse();
        assertThat(registry.path("mirrors").path("localhost:5000").path("endpoint").get(0).asText())
                .isEqualTo("http://kind-registry:5000");
        // what the user wrote stays, even where containerd will refuse it
        assertThat(cri(ContainerdConfig.patched(nodeConfig(), both)).path("registry").has("config_path")).isTrue();
    }

    @Test
    void aJson6902PatchThatDoesNotApplyNamesItself() {
        ClusterConfig config = ClusterConfig.builder().withContainerdConfigPatchJSON6902(
                "[{op: remove, path: /plugins/no-such-plugin}]").build();

        assertThatThrownBy(() -> ContainerdConfig.patched(nodeConfig(), config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("containerdConfigPatchesJSON6902[0] does not apply to the node's containerd "
                        + "configuration");
    }

    @Test
    void aClusterWithoutPatchesHasNone() {
        assertThat(ContainerdConfig.hasPatches(ClusterConfig.builder().build())).isFalse();
        assertThat(ContainerdConfig.hasPatches(ClusterConfig.builder().withContainerdConfigPatch("").build())).isTrue();
    }

    private static String nodeConfig() {
        try {
            return Files.readString(NODE_CONFIG);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode cri(String toml) throws IOException {
        return new TomlMapper().readTree(toml).path("plugins").path("io.containerd.grpc.v1.cri");
    }
}
