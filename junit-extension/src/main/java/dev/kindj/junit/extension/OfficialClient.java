package dev.kindj.junit.extension;

import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * The official Kubernetes Java client, an optional dependency: only this class names it, and it is loaded
 * only when a test asks for an {@code ApiClient}, which proves the library is there.
 */
final class OfficialClient {

    static final String API_CLIENT = "io.kubernetes.client.openapi.ApiClient";

    private OfficialClient() {
    }

    static Object create(String kubeconfig) {
        try {
            return Config.fromConfig(new StringReader(kubeconfig));
        } catch (IOException e) {
            throw new UncheckedIOException("client-java could not read the cluster's kubeconfig", e);
        }
    }
}
