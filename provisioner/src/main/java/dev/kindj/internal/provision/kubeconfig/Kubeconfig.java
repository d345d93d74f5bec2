package dev.kindj.internal.provision.kubeconfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A kubeconfig with one cluster, one user authenticated by a client certificate, and one context joining them. */
public record Kubeconfig(
        String clusterName,
        String server,
        String certificateAuthorityPem,
        String userName,
        String clientCertificatePem,
        String clientKeyPem,
        String contextName) {

    public Kubeconfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(certificateAuthorityPem, "certificateAuthorityPem");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(clientCertificatePem, "clientCertificatePem");
        Objects.requireNonNull(clientKeyPem, "clientKeyPem");
        Objects.requireNonNull(contextName, "contextName");
    }

    /** Reads back a kubeconfig of one cluster and one certificate-authenticated user, as kindj and kubeadm write them. */
    public static Kubeconfig parse(String yaml) {
        Map<String, Object> document = KubeconfigYaml.load(yaml);
        Map<?, ?> cluster = (Map<?, ?>) KubeconfigYaml.entries(document, "clusters").get(0).get("cluster");
        Map<String, Object> userEntry = KubeconfigYaml.entries(document, "users").get(0);
        Map<?, ?> user = (Map<?, ?>) userEntry.get("user");
        Map<String, Object> contextEntry = KubeconfigYaml.entries(document, "contexts").get(0);
        return new Kubeconfig(
                (String) KubeconfigYaml.entries(document, "clusters").get(0).get("name"),
                (String) cluster.get("server"),
                decode(cluster.get("certificate-authority-data")),
                (String) userEntry.get("name"),
                decode(user.get("client-certificate-data")),
                decode(user.get("client-key-data")),
                (String) contextEntry.get("name"));
    }

    /** The same credentials under other names and another server URL. */
    public Kubeconfig renamed(String name, String serverUrl) {
        return new Kubeconfig(name, serverUrl, certificateAuthorityPem, name, clientCertificatePem, clientKeyPem, name);
    }

    /** The YAML text, with certificates and key embedded as base64 data. */
    public String toYaml() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "v1");
        document.put("kind", "Config");
        document.put("clusters", List.of(named(clusterName, "cluster", Map.of(
                "certificate-authority-data", base64(certificateAuthorityPem),
                "server", server))));
        document.put("contexts", List.of(named(contextName, "context", Map.of(
                "cluster", clusterName,
                "user", userName))));
        document.put("current-context", contextName);
        document.put("preferences", Map.of());
        document.put("users", List.of(named(userName, "user", Map.of(
                "client-certificate-data", base64(clientCertificatePem),
                "client-key-data", base64(clientKeyPem)))));
        return KubeconfigYaml.dump(document);
    }

    /** Keys sorted, as kubectl writes them. */
    private static Map<String, Object> named(String name, String kind, Map<String, String> fields) {
        return new TreeMap<>(Map.of(kind, new TreeMap<>(fields), "name", name));
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }
}
