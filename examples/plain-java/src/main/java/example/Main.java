package example;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;

/**
 * The Java API on its own: make a cluster with a worker, load an image built on this machine, run it, call it,
 * and delete the cluster when the try block ends. Run with {@code mvn compile exec:java}.
 */
public final class Main {

    private static final String APP = "kindj-test/app:1";

    public static void main(String[] args) {
        try (KindjCluster cluster = Kindj.connect().cluster("plain-java").workers(1).create()) {
            cluster.loadImages(APP);

            KubernetesClient client = cluster.client();
            client.apps().deployments().resource(new DeploymentBuilder()
                    .withNewMetadata().withName("hello").endMetadata()
                    .withNewSpec().withReplicas(1)
                    .withNewSelector().addToMatchLabels("app", "hello").endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", "hello").endMetadata()
                    .withNewSpec().addNewContainer().withName("hello").withImage(APP).withImagePullPolicy("Never")
                    .withArgs("serve", "8080", "hello from kindj").endContainer().endSpec()
                    .endTemplate().endSpec().build())
                    .create();
            client.apps().deployments().withName("hello").waitUntilReady(2, TimeUnit.MINUTES);

            String pod = client.pods().withLabel("app", "hello").list().getItems().get(0).getMetadata().getName();
            String answer = client.raw("/api/v1/namespaces/default/pods/" + pod + ":8080/proxy/");
            if (answer == null || !answer.contains("hello from kindj")) {
                throw new IllegalStateException("the app answered: " + answer);
            }
            System.out.println(cluster.name() + " has " + cluster.nodes().size() + " nodes; the app says: " + answer.strip());
        }
    }
}
