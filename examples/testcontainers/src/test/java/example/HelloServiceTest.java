package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kindj.testcontainers.KindjClusterContainer;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A Kubernetes cluster of one control plane and one worker as a Testcontainers {@code @Container}: the locally
 * built image is loaded into its nodes, the manifest deployed and ready before the first test, and the app called
 * over HTTP through a port-forward.
 */
@Testcontainers
class HelloServiceTest {

    @Container
    static KindjClusterContainer cluster = new KindjClusterContainer()
            .withWorkers(1)
            .withImages("kindj-test/app:1")     // from the local Docker engine, no registry
            .withManifests("k8s/app.yaml");     // applied after start; the Deployment is ready before the tests

    @Test
    void theAppAnswersOverHttp() throws Exception {
        try (LocalPortForward forward = cluster.getClient().services().withName("hello").portForward(8080)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.getLocalPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals("hello from kindj", response.body().strip());
        }
    }
}
