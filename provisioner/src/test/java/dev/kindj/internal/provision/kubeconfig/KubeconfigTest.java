package dev.kindj.internal.provision.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class KubeconfigTest {

    private static final Kubeconfig KUBECONFIG = new Kubeconfig(
            "demo",
            "https://172.18.0.2:6443",
            "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
            "system:node:demo-worker",
            "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n",
            "-----BEGIN EC PRIVATE KEY-----\nKEY\n-----END EC PRIVATE KEY-----\n",
            "system:node:demo-worker@demo");

    @Test
    void rendersOneClusterUserAndContextWithEmbeddedData() {
        Map<String, Object> document = new Yaml().load(KUBECONFIG.toYaml());

        assertThat(document)
                .containsEntry("apiVersion", "v1")
                .containsEntry("kind", "Config")
                .containsEntry("current-context", "system:node:demo-worker@demo");
        assertThat(only(document, "clusters"))
                .containsEntry("name", "demo")
                .containsEntry("cluster", Map.of(
                        "server", "https://172.18.0.2:6443",
                        "certificate-authority-data", base64(KUBECONFIG.certificateAuthorityPem())));
        assertThat(only(document, "contexts"))
                .containsEntry("name", "system:node:demo-worker@demo")
                .containsEntry("context", Map.of("cluster", "demo", "user", "system:node:demo-worker"));
        assertThat(only(document, "users"))
                .containsEntry("name", "system:node:demo-worker")
                .containsEntry("user", Map.of(
                        "client-certificate-data", base64(KUBECONFIG.clientCertificatePem()),
                        "client-key-data", base64(KUBECONFIG.clientKeyPem())));
    }

    @Test
    void keepsBase64DataOnOneLine() {
        String longPem = "x".repeat(2000);
        Kubeconfig kubeconfig = new Kubeconfig("c", "https://s", longPem, "u", longPem, longPem, "u@c");

        assertThat(kubeconfig.toYaml().lines().filter(line -> line.contains("-data:"))).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains(base64(longPem)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(Map<String, Object> document, String section) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) document.get(section);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
