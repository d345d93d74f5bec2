package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One control plane and two workers: scheduling rules that only a cluster with several nodes can test. */
@KubeCluster(workers = 2)
@KubeNamespace
class NodeAffinityTest {

    private static final String APP = "kindj-test/app:1";
    private static final String DISK_LABEL = "example.dev/disk";

    private static String ssdWorker;

    @BeforeAll
    static void labelOneWorker(KindjCluster cluster, KubernetesClient client) {
        cluster.loadImages(APP);
        ssdWorker = cluster.name() + "-worker2";
        client.nodes().withName(ssdWorker).edit(node -> {
            node.getMetadata().getLabels().put(DISK_LABEL, "ssd");
            return node;
        });
    }

    @Test
    void aPodThatRequiresAnSsdRunsOnTheLabelledWorker(KubernetesClient client) {
        client.pods().resource(new PodBuilder()
                .withNewMetadata().withName("needs-ssd").endMetadata()
                .withNewSpec()
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey(DISK_LABEL).withOperator("In").withValues("ssd")
                .endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .addNewContainer().withName("app").withImage(APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "on ssd").endContainer()
                .endSpec().build()).create();

        Pod running = client.pods().withName("needs-ssd").waitUntilReady(2, TimeUnit.MINUTES);

        assertEquals(ssdWorker, running.getSpec().getNodeName());
    }

    @Test
    void replicasThatAvoidEachOtherSpreadOverBothWorkers(KindjCluster cluster, KubernetesClient client) {
        client.apps().deployments().resource(new DeploymentBuilder()
                .withNewMetadata().withName("spread").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "spread").endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", "spread").endMetadata()
                .withNewSpec()
                .withNewAffinity().withNewPodAntiAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withTopologyKey("kubernetes.io/hostname")
                .withNewLabelSelector().addToMatchLabels("app", "spread").endLabelSelector()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity()
                .addNewContainer().withName("app").withImage(APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "spread").endContainer()
                .endSpec()
                .endTemplate()
                .endSpec().build()).create();

        client.apps().deployments().withName("spread").waitUntilReady(2, TimeUnit.MINUTES);

        Set<String> nodes = client.pods().withLabel("app", "spread").list().getItems().stream()
                .map(pod -> pod.getSpec().getNodeName())
                .collect(Collectors.toSet());
        // The control plane is tainted when a cluster has workers, so the two replicas land one per worker.
        assertEquals(Set.of(cluster.name() + "-worker", cluster.name() + "-worker2"), nodes);
    }
}
