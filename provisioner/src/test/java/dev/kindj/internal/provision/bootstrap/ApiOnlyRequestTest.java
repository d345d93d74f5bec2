package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ClusterConfigLoader;
import org.junit.jupiter.api.Test;

class ApiOnlyRequestTest {

    @Test
    void oneControlPlaneWithApiServerPatchesIsAccepted() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                kubeadmConfigPatches:
                - |
                  kind: ClusterConfiguration
                  apiServer:
                    extraArgs:
                      audit-log-maxage: "3"
                """, "api-only.yaml").withName("ok");

        assertThatCode(() -> ApiOnlyRequest.check(config)).doesNotThrowAnyException();
    }

    @Test
    void everySettingThatNeedsNodesIsNamedInOneRefusal() {
        ClusterConfig config = ClusterConfigLoader.parse("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                containerdConfigPatches:
                - |
                  [plugins."io.containerd.grpc.v1.cri"]
                    sandbox_image = "x"
                nodes:
                - role: control-plane
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 18080
                - role: control-plane
                - role: worker
                """, "full.yaml").withName("nodes").withRegistry("local");

        assertThatThrownBy(() -> ApiOnlyRequest.check(config))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("api-only cluster 'nodes' (etcd, API server and controller-manager only, no"
                        + " nodes) cannot have 1 worker(s)")
                .hasMessageContaining("2 control planes: it has one API server")
                .hasMessageContaining("extraPortMappings")
                .hasMessageContaining("a local registry (local)")
                .hasMessageContaining("containerd config patches")
                .hasMessageEndingWith("Use a full cluster for these.");
    }
}
