package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestDocker;
import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Three single-node clusters created at the same time on one host all come up, and delete leaves nothing. */
class ConcurrentClustersIT {

    @Test
    void threeClustersComeUpTogetherAndDeleteCleanly() throws Exception {
        Map<String, String> sysctlsBefore = ClusterIT.hostSysctls();
        String run = UUID.randomUUID().toString().substring(0, 4);
        List<String> names = List.of("cc" + run + "-a", "cc" + run + "-b", "cc" + run + "-c");
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            String image = TestImages.node();
            String app = TestImages.app();
            List<String> volumes = new java.util.ArrayList<>();
            try {
                List<CompletableFuture<CreatedCluster>> creations = names.stream()
                        .map(name -> CompletableFuture.supplyAsync(() -> ClusterCreator
                                .forConfig(ClusterConfig.builder().withName(name).build(), provider)
                                .withImage(image)
                                .withWaitForReady(Duration.ofMinutes(4))
                                .create()))
                        .toList();
                for (CompletableFuture<CreatedCluster> creation : creations) {
                    CreatedCluster cluster = creation.get(6, TimeUnit.MINUTES);
                    new ImageLoader(provider).load(app, List.of(cluster.plan().firstControlPlane().name()));
                    assertAPodRuns(cluster);
                    volumes.add(varVolume(provider, cluster.plan().firstControlPlane().name()));
                }
                assertThat(creations.stream().map(CompletableFuture::join).map(c -> c.plan().nodeSubnet()).distinct())
                        .as("each cluster has its own network").hasSize(3);
            } finally {
                names.forEach(provider::deleteCluster);
            }
            for (String name : names) {
                assertThat(provider.listNodes(name)).isEmpty();
                assertThat(provider.networkSubnet(name)).isEmpty();
            }
            assertThat(volumes).hasSize(3);
            assertThat(TestDocker.client().listVolumesCmd().exec().getVolumes())
                    .as("the nodes' /var volumes are removed with them")
                    .noneMatch(volume -> volumes.contains(volume.getName()));
        }
        assertThat(ClusterIT.hostSysctls()).isEqualTo(sysctlsBefore);
    }

    private static String varVolume(DockerNodeProvider provider, String node) {
        return TestDocker.client().inspectContainerCmd(node).exec().getMounts().stream()
                .filter(mount -> "/var".equals(mount.getDestination().getPath()))
                .findFirst().orElseThrow().getName();
    }

    private static void assertAPodRuns(CreatedCluster cluster) {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(cluster.kubeconfig())).build()) {
            assertThat(client.nodes().list().getItems()).hasSize(1);
            client.pods().inNamespace("default").resource(ClusterIT.pod("server", cluster.plan().firstControlPlane().name(),
                    "serve", "8080", "up").build()).create();
            Pod ready = client.pods().inNamespace("default").withName("server").waitUntilReady(2, TimeUnit.MINUTES);
            assertThat(ready.getStatus().getPhase()).isEqualTo("Running");
        }
    }
}
