package dev.kindj.internal.provision.pki;

import static dev.kindj.internal.provision.pki.Certificates.assertKeyMatches;
import static dev.kindj.internal.provision.pki.Certificates.assertSignedBy;
import static dev.kindj.internal.provision.pki.Certificates.canonicalIps;
import static dev.kindj.internal.provision.pki.Certificates.commonName;
import static dev.kindj.internal.provision.pki.Certificates.dnsNames;
import static dev.kindj.internal.provision.pki.Certificates.ipAddresses;
import static dev.kindj.internal.provision.pki.Certificates.organizations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.internal.provision.node.NodeFile;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ClusterPkiTest {

    private static final ControlPlaneEndpoint CP1 = new ControlPlaneEndpoint("demo-control-plane", "172.18.0.2");
    private static final ControlPlaneEndpoint CP2 = new ControlPlaneEndpoint("demo-control-plane2", "172.18.0.3");
    private static final ControlPlaneEndpoint CP3 = new ControlPlaneEndpoint("demo-control-plane3", "172.18.0.4");
    private static final List<ControlPlaneEndpoint> CONTROL_PLANES = List.of(CP1, CP2, CP3);
    private static final String WORKER = "demo-worker";
    private static final String ENDPOINT = "https://172.18.0.10:6443";

    private static final List<String> CONTROL_PLANE_PATHS = List.of(
            "/etc/kubernetes/pki/ca.crt",
            "/etc/kubernetes/pki/ca.key",
            "/etc/kubernetes/pki/apiserver.crt",
            "/etc/kubernetes/pki/apiserver.key",
            "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
            "/etc/kubernetes/pki/apiserver-kubelet-client.key",
            "/etc/kubernetes/pki/front-proxy-ca.crt",
            "/etc/kubernetes/pki/front-proxy-ca.key",
            "/etc/kubernetes/pki/front-proxy-client.crt",
            "/etc/kubernetes/pki/front-proxy-client.key",
            "/etc/kubernetes/pki/sa.key",
            "/etc/kubernetes/pki/sa.pub",
            "/etc/kubernetes/pki/apiserver-etcd-client.crt",
            "/etc/kubernetes/pki/apiserver-etcd-client.key",
            "/etc/kubernetes/pki/etcd/ca.crt",
            "/etc/kubernetes/pki/etcd/ca.key",
            "/etc/kubernetes/pki/etcd/server.crt",
            "/etc/kubernetes/pki/etcd/server.key",
            "/etc/kubernetes/pki/etcd/peer.crt",
            "/etc/kubernetes/pki/etcd/peer.key",
            "/etc/kubernetes/pki/etcd/healthcheck-client.crt",
            "/etc/kubernetes/pki/etcd/healthcheck-client.key",
            "/etc/kubernetes/admin.conf",
            "/etc/kubernetes/super-admin.conf",
            "/etc/kubernetes/controller-manager.conf",
            "/etc/kubernetes/scheduler.conf",
            "/etc/kubernetes/kubelet.conf",
            "/etc/kubernetes/kube-proxy.conf");

    private static ClusterPki pki;

    @BeforeAll
    static void generate() {
        pki = ClusterPki.generate(request(KeyAlgorithm.ECDSA_P256, CONTROL_PLANES, List.of(WORKER, "demo-worker2")));
    }

    @Test
    void controlPlaneGetsKubeadmsFiles() {
        for (ControlPlaneEndpoint controlPlane : CONTROL_PLANES) {
            assertThat(paths(pki.filesFor(controlPlane.nodeName())))
                    .containsExactlyInAnyOrderElementsOf(CONTROL_PLANE_PATHS);
        }
    }

    @Test
    void workerGetsOnlyTheCaCertificateAndItsKubeletAndKubeProxyKubeconfigs() {
        List<NodeFile> files = pki.filesFor(WORKER);

        String caKey = pki.authorities().kubernetes().credentials().privateKeyPem();
        String embeddedCaKey = Base64.getEncoder().encodeToString(caKey.getBytes(StandardCharsets.UTF_8));

        assertThat(paths(files)).containsExactlyInAnyOrder(
                "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/kube-proxy.conf");
        assertThat(files).noneMatch(file -> text(file).contains(caKey) || text(file).contains(embeddedCaKey));
    }

    @Test
    void keysAndKubeconfigsAreOwnerOnlyAndCertificatesWorldReadable() {
        for (String node : List.of(CP1.nodeName(), WORKER)) {
            for (NodeFile file : pki.filesFor(node)) {
                boolean secret = file.path().endsWith(".key") || file.path().endsWith(".conf");
                assertThat(file.mode()).as(file.path()).isEqualTo(secret ? NodeFile.PRIVATE : NodeFile.PUBLIC);
            }
        }
    }

    @Test
    void everyCertificateChainsToItsCaAndMatchesItsKey() throws Exception {
        for (ControlPlaneEndpoint controlPlane : CONTROL_PLANES) {
            Map<String, NodeFile> files = byPath(pki.filesFor(controlPlane.nodeName()));
            X509Certificate kubernetesCa = certificate(files, "ca");
            X509Certificate frontProxyCa = certificate(files, "front-proxy-ca");
            X509Certificate etcdCa = certificate(files, "etcd/ca");
            Map<String, X509Certificate> issuers = Map.ofEntries(
                    Map.entry("ca", kubernetesCa),
                    Map.entry("front-proxy-ca", frontProxyCa),
                    Map.entry("etcd/ca", etcdCa),
                    Map.entry("apiserver", kubernetesCa),
                    Map.entry("apiserver-kubelet-client", kubernetesCa),
                    Map.entry("front-proxy-client", frontProxyCa),
                    Map.entry("apiserver-etcd-client", etcdCa),
                    Map.entry("etcd/server", etcdCa),
                    Map.entry("etcd/peer", etcdCa),
                    Map.entry("etcd/healthcheck-client", etcdCa));
            for (var issuer : issuers.entrySet()) {
                X509Certificate certificate = certificate(files, issuer.getKey());
                assertSignedBy(certificate, issuer.getValue());
                assertKeyMatches(privateKey(files, issuer.getKey()), certificate);
            }
        }
    }

    @Test
    void authoritiesAreValidTenYearsAndLeavesOneYear() throws Exception {
        Map<String, NodeFile> files = byPath(pki.filesFor(CP1.nodeName()));
        for (String ca : List.of("ca", "front-proxy-ca", "etcd/ca")) {
            X509Certificate certificate = certificate(files, ca);
            assertThat(certificate.getBasicConstraints()).as(ca).isGreaterThanOrEqualTo(0);
            assertThat(validity(certificate)).as(ca).isEqualTo(Duration.ofDays(3650));
        }
        for (String leaf : List.of("apiserver", "front-proxy-client", "etcd/peer", "apiserver-etcd-client")) {
            X509Certificate certificate = certificate(files, leaf);
            assertThat(certificate.getBasicConstraints()).as(leaf).isEqualTo(-1);
            assertThat(validity(certificate)).as(leaf).isEqualTo(Duration.ofDays(365));
        }
    }

    @Test
    void identitiesAreKubeadms() throws Exception {
        Map<String, NodeFile> files = byPath(pki.filesFor(CP2.nodeName()));
        assertIdentity(certificate(files, "ca"), "kubernetes");
        assertIdentity(certificate(files, "front-proxy-ca"), "front-proxy-ca");
        assertIdentity(certificate(files, "etcd/ca"), "etcd-ca");
        assertIdentity(certificate(files, "apiserver"), "kube-apiserver", "server");
        assertIdentity(certificate(files, "apiserver-kubelet-client"), "kube-apiserver-kubelet-client", "client");
        assertIdentity(certificate(files, "front-proxy-client"), "front-proxy-client", "client");
        assertIdentity(certificate(files, "apiserver-etcd-client"), "kube-apiserver-etcd-client", "client");
        assertIdentity(certificate(files, "etcd/server"), CP2.nodeName(), "server", "client");
        assertIdentity(certificate(files, "etcd/peer"), CP2.nodeName(), "server", "client");
        assertIdentity(certificate(files, "etcd/healthcheck-client"), "kube-etcd-healthcheck-client", "client");
    }

    @Test
    void apiServerCertificateNamesEveryAddressOfItsNodeAndTheCluster() throws Exception {
        for (ControlPlaneEndpoint controlPlane : CONTROL_PLANES) {
            X509Certificate apiServer = certificate(byPath(pki.filesFor(controlPlane.nodeName())), "apiserver");

            assertThat(dnsNames(apiServer)).containsExactly(
                    controlPlane.nodeName(),
                    "kubernetes",
                    "kubernetes.default",
                    "kubernetes.default.svc",
                    "kubernetes.default.svc.cluster.local",
                    "localhost",
                    "demo-external-load-balancer");
            assertThat(ipAddresses(apiServer)).containsExactlyElementsOf(
                    canonicalIps("10.96.0.1", controlPlane.ip(), "127.0.0.1", "172.18.0.10"));
        }
    }

    @Test
    void etcdCertificatesNameTheirNodeAndLoopback() throws Exception {
        for (ControlPlaneEndpoint controlPlane : CONTROL_PLANES) {
            Map<String, NodeFile> files = byPath(pki.filesFor(controlPlane.nodeName()));
            for (String etcd : List.of("etcd/server", "etcd/peer")) {
                X509Certificate certificate = certificate(files, etcd);
                assertThat(dnsNames(certificate)).as(etcd).containsExactly(controlPlane.nodeName(), "localhost");
                assertThat(ipAddresses(certificate)).as(etcd)
                        .containsExactlyElementsOf(canonicalIps(controlPlane.ip(), "127.0.0.1", "::1"));
            }
        }
    }

    @Test
    void controlPlanesShareAuthoritiesButNotTheirOwnCertificates() {
        Map<String, NodeFile> first = byPath(pki.filesFor(CP1.nodeName()));
        Map<String, NodeFile> second = byPath(pki.filesFor(CP2.nodeName()));
        for (String shared : List.of("ca.crt", "ca.key", "front-proxy-ca.key", "etcd/ca.key", "sa.key", "sa.pub")) {
            String path = "/etc/kubernetes/pki/" + shared;
            assertThat(first.get(path).content()).as(path).isEqualTo(second.get(path).content());
        }
        for (String own : List.of("apiserver.key", "etcd/peer.crt", "front-proxy-client.key")) {
            String path = "/etc/kubernetes/pki/" + own;
            assertThat(first.get(path).content()).as(path).isNotEqualTo(second.get(path).content());
        }
    }

    @Test
    void serviceAccountKeysAreAnRsa2048PairEvenWithEcdsaCertificates() throws Exception {
        Map<String, NodeFile> files = byPath(pki.filesFor(CP1.nodeName()));

        PrivateKey signingKey = Pem.privateKey(text(files.get("/etc/kubernetes/pki/sa.key")));
        String publicKeyPem = text(files.get("/etc/kubernetes/pki/sa.pub"));

        assertThat(signingKey).isInstanceOfSatisfying(
                RSAPrivateKey.class, key -> assertThat(key.getModulus().bitLength()).isEqualTo(2048));
        assertThat(publicKeyPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Pem.publicKey(publicKeyPem)).isEqualTo(pki.authorities().serviceAccountKeys().getPublic());
        assertThat(certificate(files, "apiserver").getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void kubeconfigsCarryEachComponentsIdentityAndServer() throws Exception {
        Map<String, NodeFile> files = byPath(pki.filesFor(CP3.nodeName()));
        String local = "https://" + CP3.ip() + ":6443";

        assertKubeconfig(files.get("/etc/kubernetes/admin.conf"), ENDPOINT, "kubernetes-admin", "kubeadm:cluster-admins");
        assertKubeconfig(
                files.get("/etc/kubernetes/super-admin.conf"), ENDPOINT, "kubernetes-super-admin", "system:masters");
        assertKubeconfig(files.get("/etc/kubernetes/controller-manager.conf"), local, "system:kube-controller-manager");
        assertKubeconfig(files.get("/etc/kubernetes/scheduler.conf"), local, "system:kube-scheduler");
        assertKubeconfig(
                files.get("/etc/kubernetes/kubelet.conf"), ENDPOINT, "system:node:" + CP3.nodeName(), "system:nodes");
        assertKubeconfig(
                byPath(pki.filesFor(WORKER)).get("/etc/kubernetes/kubelet.conf"),
                ENDPOINT,
                "system:node:" + WORKER,
                "system:nodes");
        assertKubeconfig(files.get("/etc/kubernetes/kube-proxy.conf"), ENDPOINT, "system:kube-proxy");
        assertKubeconfig(
                byPath(pki.filesFor(WORKER)).get("/etc/kubernetes/kube-proxy.conf"), ENDPOINT, "system:kube-proxy");
    }

    @Test
    void exportedKubeconfigNamesEverythingAfterTheClusterAndUsesTheGivenServer() throws Exception {
        Map<String, Object> kubeconfig = new Yaml().load(pki.exportedAdminKubeconfig("https://127.0.0.1:40123"));

        assertThat(kubeconfig.get("current-context")).isEqualTo("kindj-demo");
        assertThat(entry(kubeconfig, "contexts", "context"))
                .containsEntry("cluster", "kindj-demo")
                .containsEntry("user", "kindj-demo");
        assertThat(entry(kubeconfig, "clusters", "cluster")).containsEntry("server", "https://127.0.0.1:40123");
        assertThat(name(kubeconfig, "clusters")).isEqualTo("kindj-demo");
        assertThat(name(kubeconfig, "users")).isEqualTo("kindj-demo");
        X509Certificate client = embeddedCertificate(kubeconfig, "users", "user", "client-certificate-data");
        assertThat(client).isEqualTo(pki.adminCredentials().certificate());
        assertSignedBy(client, pki.authorities().kubernetes().certificate());
    }

    @Test
    void authoritiesLoadedFromAControlPlaneIssueCertificatesForNewNodes() throws Exception {
        Map<String, byte[]> stored = pki.filesFor(CP1.nodeName()).stream()
                .collect(Collectors.toMap(NodeFile::path, NodeFile::content));

        ClusterAuthorities loaded = ClusterAuthorities.load(stored);
        ClusterPki joining =
                ClusterPki.generate(request(KeyAlgorithm.ECDSA_P256, List.of(), List.of("demo-worker3")), loaded);

        assertThat(byPath(loaded.files())).allSatisfy((path, file) ->
                assertThat(file.content()).as(path).isEqualTo(stored.get(path)));
        Map<String, Object> kubelet = new Yaml().load(text(byPath(joining.filesFor("demo-worker3"))
                .get("/etc/kubernetes/kubelet.conf")));
        X509Certificate newKubelet = embeddedCertificate(kubelet, "users", "user", "client-certificate-data");
        assertThat(commonName(newKubelet)).isEqualTo("system:node:demo-worker3");
        assertSignedBy(newKubelet, pki.authorities().kubernetes().certificate());
    }

    @Test
    void rsaClusterUsesRsaKeysThroughout() throws Exception {
        ClusterPki rsa = ClusterPki.generate(request(KeyAlgorithm.RSA_2048, List.of(CP1), List.of()));
        Map<String, NodeFile> files = byPath(rsa.filesFor(CP1.nodeName()));

        for (String name : List.of("ca", "apiserver", "etcd/ca", "etcd/server", "front-proxy-client")) {
            assertThat(text(files.get("/etc/kubernetes/pki/" + name + ".key")))
                    .as(name)
                    .startsWith("-----BEGIN RSA PRIVATE KEY-----");
            assertThat(certificate(files, name).getPublicKey().getAlgorithm()).as(name).isEqualTo("RSA");
        }
        assertSignedBy(certificate(files, "apiserver"), certificate(files, "ca"));
        assertKeyMatches(privateKey(files, "apiserver"), certificate(files, "apiserver"));
    }

    @Test
    void ecdsaClusterWritesEcKeys() {
        Map<String, NodeFile> files = byPath(pki.filesFor(CP1.nodeName()));

        assertThat(text(files.get("/etc/kubernetes/pki/apiserver.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(text(files.get("/etc/kubernetes/pki/ca.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
    }

    @Test
    void newClusterNeedsAControlPlane() {
        PkiRequest workersOnly = request(KeyAlgorithm.ECDSA_P256, List.of(), List.of(WORKER));

        assertThatThrownBy(() -> ClusterPki.generate(workersOnly)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownNodeIsAnError() {
        assertThatThrownBy(() -> pki.filesFor("elsewhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestRejectsControlPlanesMissingFromTheNodeListAndRepeatedNames() {
        assertThatThrownBy(() -> request(KeyAlgorithm.ECDSA_P256, List.of(CP1), List.of(CP1.nodeName())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new PkiRequest(
                        "demo", List.of(CP1), List.of(WORKER), List.of(), "10.96.0.1", "cluster.local", ENDPOINT,
                        KeyAlgorithm.ECDSA_P256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CP1.nodeName());
    }

    private static PkiRequest request(
            KeyAlgorithm algorithm, List<ControlPlaneEndpoint> controlPlanes, List<String> workers) {
        List<String> nodes = new ArrayList<>();
        controlPlanes.forEach(controlPlane -> nodes.add(controlPlane.nodeName()));
        nodes.addAll(workers);
        return new PkiRequest(
                "demo",
                controlPlanes,
                nodes,
                List.of("demo-external-load-balancer", "172.18.0.10", "127.0.0.1", "localhost"),
                "10.96.0.1",
                "cluster.local",
                ENDPOINT,
                algorithm);
    }

    private static void assertIdentity(X509Certificate certificate, String commonName, String... usages)
            throws Exception {
        assertThat(commonName(certificate)).isEqualTo(commonName);
        assertThat(organizations(certificate)).as(commonName).isEmpty();
        if (usages.length == 0) {
            assertThat(certificate.getExtendedKeyUsage()).as(commonName).isNull();
            return;
        }
        List<String> expected = Arrays.stream(usages)
                .map(usage -> usage.equals("server") ? CertificateUsage.SERVER_AUTH : CertificateUsage.CLIENT_AUTH)
                .map(CertificateUsage::oid)
                .toList();
        assertThat(certificate.getExtendedKeyUsage()).as(commonName).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void assertKubeconfig(NodeFile file, String server, String user, String... groups)
            throws Exception {
        Map<String, Object> kubeconfig = new Yaml().load(text(file));
        String context = user + "@demo";

        assertThat(kubeconfig.get("current-context")).as(file.path()).isEqualTo(context);
        assertThat(name(kubeconfig, "contexts")).isEqualTo(context);
        assertThat(entry(kubeconfig, "contexts", "context")).containsEntry("cluster", "demo").containsEntry("user", user);
        assertThat(entry(kubeconfig, "clusters", "cluster")).containsEntry("server", server);
        X509Certificate ca = embeddedCertificate(kubeconfig, "clusters", "cluster", "certificate-authority-data");
        assertThat(ca).isEqualTo(pki.authorities().kubernetes().certificate());
        X509Certificate client = embeddedCertificate(kubeconfig, "users", "user", "client-certificate-data");
        assertSignedBy(client, ca);
        assertThat(commonName(client)).isEqualTo(user);
        assertThat(organizations(client)).containsExactly(groups);
        assertThat(client.getExtendedKeyUsage()).containsExactly(CertificateUsage.CLIENT_AUTH.oid());
        String keyPem = decode(entry(kubeconfig, "users", "user").get("client-key-data"));
        assertKeyMatches(Pem.privateKey(keyPem), client);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> kubeconfig, String section, String field) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) kubeconfig.get(section);
        assertThat(entries).hasSize(1);
        return (Map<String, Object>) entries.get(0).get(field);
    }

    @SuppressWarnings("unchecked")
    private static Object name(Map<String, Object> kubeconfig, String section) {
        return ((List<Map<String, Object>>) kubeconfig.get(section)).get(0).get("name");
    }

    private static X509Certificate embeddedCertificate(
            Map<String, Object> kubeconfig, String section, String field, String key) {
        return Pem.certificate(decode(entry(kubeconfig, section, field).get(key)));
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }

    private static X509Certificate certificate(Map<String, NodeFile> files, String name) {
        return Pem.certificate(text(files.get("/etc/kubernetes/pki/" + name + ".crt")));
    }

    private static PrivateKey privateKey(Map<String, NodeFile> files, String name) {
        return Pem.privateKey(text(files.get("/etc/kubernetes/pki/" + name + ".key")));
    }

    private static Duration validity(X509Certificate certificate) {
        return Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    private static Map<String, NodeFile> byPath(List<NodeFile> files) {
        return files.stream().collect(Collectors.toMap(NodeFile::path, Function.identity()));
    }

    private static List<String> paths(List<NodeFile> files) {
        return files.stream().map(NodeFile::path).toList();
    }

    private static String text(NodeFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }
}
