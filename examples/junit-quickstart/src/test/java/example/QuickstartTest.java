package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real cluster for a test class: deploy an image you built locally (no registry), reach it through a
 * Service, assert on what it answers. Each test runs in a fresh namespace.
 */
@KubeCluster
@KubeNamespace
class QuickstartTest {

    /** Built on this machine (see README.md); it never went through a registry. */
    private static final String APP = "kindj-test/app:1";

    @BeforeAll
    static void loadTheApp(KindjCluster cluster) {
        cluster.loadImages(APP);
    }

    @Test
    void theAppAnswersThroughItsService(KubernetesClient client) {
        client.apps().deployments().resource(new DeploymentBuilder()
                .withNewMetadata().withName("hello").endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", "hello").endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", "hello").endMetadata()
                .withNewSpec().addNewContainer().withName("hello").withImage(APP).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "hello from kindj").endContainer().endSpec()
                .endTemplate()
                .endSpec().build()).create();
        client.services().resource(new ServiceBuilder()
                .withNewMetadata().withName("hello").endMetadata()
                .withNewSpec().addToSelector("app", "hello")
                .addNewPort().withPort(80).withNewTargetPort(8080).endPort().endSpec().build()).create();
        client.apps().deployments().withName("hello").waitUntilReady(2, TimeUnit.MINUTES);

        // A client pod in the cluster calls the Service by its DNS name and prints the answer.
        client.pods().resource(new PodBuilder()
                .withNewMetadata().withName("caller").endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("caller").withImage(APP).withImagePullPolicy("Never")
                .withArgs("get", "http://hello", "60").endContainer().endSpec().build()).create();
        Pod caller = client.pods().withName("caller").waitUntilCondition(
                pod -> pod != null && List.of("Succeeded", "Failed").contains(pod.getStatus().getPhase()), 2, TimeUnit.MINUTES);

        String answer = client.pods().withName("caller").getLog();
        assertEquals("Succeeded", caller.getStatus().getPhase(), answer);
        assertTrue(answer.contains("hello from kindj"), answer);
    }
}
