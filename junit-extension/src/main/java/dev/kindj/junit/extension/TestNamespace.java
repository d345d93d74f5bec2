package dev.kindj.junit.extension;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A namespace made for one test; JUnit closes it after the test, which deletes it. */
@SuppressWarnings("deprecation") // CloseableResource as well, so JUnit releases before 5.13 also close it.
final class TestNamespace implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {

    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "kindj-junit";
    private static final int MAX_TEST_PART = 40;
    private static final int RANDOM_PART = 5;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final Namespace namespace;

    private TestNamespace(KubernetesClient client, Namespace namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /**
     * Creates {@code <test>-<random>} and waits for its default service account: until that exists the API
     * server rejects every pod in the namespace.
     */
    static TestNamespace create(KubernetesClient client, String testName, String testId) {
        Namespace created = client.namespaces().resource(new NamespaceBuilder()
                .withNewMetadata()
                .withName(name(testName))
                .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
                .addToAnnotations("kindj.dev/test", testId)
                .endMetadata()
                .build()).create();
        client.serviceAccounts().inNamespace(created.getMetadata().getName()).withName("default")
                .waitUntilCondition(Objects::nonNull, 60, TimeUnit.SECONDS);
        return new TestNamespace(client, created);
    }

    static String name(String testName) {
        String test = testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        test = test.isEmpty() ? "test" : test.substring(0, Math.min(test.length(), MAX_TEST_PART)).replaceAll("-+$", "");
        String random = RANDOM.ints(RANDOM_PART, 0, ALPHABET.length())
                .mapToObj(i -> String.valueOf(ALPHABET.charAt(i)))
                .collect(Collectors.joining());
        return test + "-" + random;
    }

    Namespace namespace() {
        return namespace;
    }

    String name() {
        return namespace.getMetadata().getName();
    }

    /** A client whose namespaced operations default to this namespace; it shares the cluster client's resources. */
    NamespacedKubernetesClient client() {
        return client.adapt(NamespacedKubernetesClient.class).inNamespace(name());
    }

    /** Starts the deletion; Kubernetes finishes it in the background while the next test runs. */
    @Override
    public void close() {
        client.namespaces().withName(name()).delete();
    }
}
