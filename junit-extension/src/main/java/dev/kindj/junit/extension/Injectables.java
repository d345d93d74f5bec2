package dev.kindj.junit.extension;

import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeNamespace;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What the extension injects, by declared type; fields and parameters follow the same rules. Strings and
 * paths are common types, so they need {@code @Kubeconfig}; the others are unambiguous on their own.
 */
final class Injectables {

    private static final Set<Class<?>> CLIENTS = Set.of(KubernetesClient.class, NamespacedKubernetesClient.class);

    private Injectables() {
    }

    static boolean supports(Class<?> type, boolean markedKubeconfig) {
        if (markedKubeconfig) {
            return type == String.class || type == Path.class;
        }
        return CLIENTS.contains(type) || type == KindjCluster.class || type == Namespace.class
                // by name: client-java is optional, and the class may not exist
                || type.getName().equals(OfficialClient.API_CLIENT);
    }

    /**
     * The value for a target of a supported type. A test's namespace, when it has one, scopes its clients.
     *
     * @param target names the field or parameter in error messages
     */
    static Object resolve(Class<?> type, boolean markedKubeconfig, ClusterSession session, Optional<TestNamespace> namespace,
            String target) {
        KindjCluster cluster = session.cluster();
        if (markedKubeconfig) {
            return type == String.class ? cluster.kubeconfig() : cluster.kubeconfigPath();
        }
        if (type == KindjCluster.class) {
            return cluster;
        }
        if (type == Namespace.class) {
            return namespace.map(TestNamespace::namespace).orElseThrow(() -> new ExtensionConfigurationException(
                    target + " is a Namespace, but there is no test namespace here: annotate the test or its class with @"
                            + KubeNamespace.class.getSimpleName() + " (a namespace exists only while a test runs)"));
        }
        if (CLIENTS.contains(type)) {
            return namespace.<KubernetesClient>map(TestNamespace::client)
                    .orElseGet(() -> cluster.client().adapt(NamespacedKubernetesClient.class));
        }
        return session.officialClient();
    }
}
