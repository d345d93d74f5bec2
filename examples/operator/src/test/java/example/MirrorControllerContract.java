package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the operator promises, checked on whichever cluster the concrete class asks for. */
abstract class MirrorControllerContract {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Injected by @KubeCluster: the admin client, in each test's own namespace (@KubeNamespace). */
    KubernetesClient client;

    @Test
    void mirrorsFollowTheirSourceAndGoWithIt() throws InterruptedException {
        try (MirrorController controller = new MirrorController(client).start()) {
            client.configMaps().resource(source(Map.of("greeting", "hello"))).create();
            eventually(() -> data("settings-mirror"), Map.of("greeting", "hello"));

            client.configMaps().resource(source(Map.of("greeting", "bonjour"))).update();
            eventually(() -> data("settings-mirror"), Map.of("greeting", "bonjour"));

            client.configMaps().withName("settings").delete();
            // the garbage collector (kube-controller-manager) deletes what the source owned
            eventually(() -> client.configMaps().withName("settings-mirror").get(), null);
        }
        assertNull(client.configMaps().withName("settings-mirror").get());
    }

    private static ConfigMap source(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("settings")
                .addToLabels(MirrorController.LABEL, "true").endMetadata().withData(data).build();
    }

    private Map<String, String> data(String name) {
        ConfigMap found = client.configMaps().withName(name).get();
        return found == null ? null : found.getData();
    }

    private static <T> void eventually(Supplier<T> actual, T expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!Objects.equals(actual.get(), expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(expected, actual.get());
    }
}
