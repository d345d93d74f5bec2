package dev.kindj.junit.extension;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Builds (and drops) a fabric8 client for no cluster on a background thread. A JVM's first client costs
 * seconds of class loading; done while the cluster starts, the tests' first client is ready at once.
 */
final class ClientWarmUp {

    private static final String NO_CLUSTER = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: none
              cluster:
                server: https://127.0.0.1:1
            users:
            - name: none
              user: {}
            contexts:
            - name: none
              context: {cluster: none, user: none}
            current-context: none
            """;

    private ClientWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(ClientWarmUp::run, "kindj-client-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        // Building connects to nothing; only the classes matter.
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(NO_CLUSTER)).build()) {
            client.getConfiguration();
        } catch (RuntimeException ignored) {
            // a failed warm-up only means the first real client pays for its classes
        }
    }
}
