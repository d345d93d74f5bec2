package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kindj.api.HelmRelease;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local chart charts/greeter on a one-node cluster: installed with values, called over HTTP, upgraded with a
 * values file, uninstalled. No chart repository and no registry: the chart is a folder, the image is built locally.
 */
class GreeterChartTest {

    private static final Path CHART = Path.of("charts/greeter");
    private static final Duration READY = Duration.ofMinutes(2);
    private static KindjCluster cluster;

    @BeforeAll
    static void createCluster() {
        cluster = Kindj.connect().cluster("helm-example").create();
        cluster.loadImages("kindj-test/app:1");            // from the local Docker engine
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();                                // deletes the cluster and its kubeconfig file
        }
    }

    @Test
    void installUpgradeAndUninstallTheChart() throws Exception {
        HelmRelease release = cluster.helm().install("greeter", CHART)
                .namespace("demo")                          // created when missing
                .values(Map.of("greeting", "hello from a chart"))
                .awaitReady(READY);                         // the Deployment's pods are ready

        assertEquals(1, release.revision());
        assertEquals("hello from a chart", get("greeter"));

        HelmRelease upgraded = cluster.helm().upgrade("greeter", CHART)
                .namespace("demo")
                .valuesFile(Path.of("values-upgrade.yaml"))
                .awaitReady(READY);                         // the new pods replaced the old ones

        assertEquals(2, upgraded.revision());
        Deployment greeter = cluster.client().apps().deployments().inNamespace("demo").withName("greeter").get();
        assertEquals(2, greeter.getStatus().getReadyReplicas());
        assertEquals("hello again", greeter.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().get(2));

        cluster.helm().uninstall("greeter", "demo");

        assertNull(cluster.client().apps().deployments().inNamespace("demo").withName("greeter").get());
    }

    /** The body the Service answers with, through a port-forward to this machine. */
    private static String get(String service) throws Exception {
        try (LocalPortForward forward = cluster.client().services().inNamespace("demo").withName(service).portForward(8080)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.getLocalPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            return response.body().strip();
        }
    }
}
