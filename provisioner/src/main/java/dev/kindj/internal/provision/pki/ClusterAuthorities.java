package dev.kindj.internal.provision.pki;

import dev.kindj.internal.provision.node.NodeFile;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every control plane of a cluster shares: the three CAs and the service-account signing key pair.
 * Kept on the control planes' disks, from which {@link #load} restores it to issue certificates for new nodes.
 */
public record ClusterAuthorities(
        CertificateAuthority kubernetes,
        CertificateAuthority frontProxy,
        CertificateAuthority etcd,
        KeyPair serviceAccountKeys) {

    public ClusterAuthorities {
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(frontProxy, "frontProxy");
        Objects.requireNonNull(etcd, "etcd");
        Objects.requireNonNull(serviceAccountKeys, "serviceAccountKeys");
    }

    /** Restores the authorities from a control plane's files, keyed by absolute path as {@link #files()} wrote them. */
    public static ClusterAuthorities load(Map<String, byte[]> filesByPath) {
        return new ClusterAuthorities(
                loadCa(filesByPath, PkiPaths.CA),
                loadCa(filesByPath, PkiPaths.FRONT_PROXY_CA),
                loadCa(filesByPath, PkiPaths.ETCD_CA),
                new KeyPair(
                        Pem.publicKey(text(filesByPath, PkiPaths.SERVICE_ACCOUNT_PUBLIC_KEY)),
                        Pem.privateKey(text(filesByPath, PkiPaths.SERVICE_ACCOUNT_KEY))));
    }

    /** The files a control plane keeps these in, at kubeadm's paths. */
    public List<NodeFile> files() {
        return List.of(
                caCertificateFile(),
                keyFile(PkiPaths.CA, kubernetes),
                certificateFile(PkiPaths.FRONT_PROXY_CA, frontProxy),
                keyFile(PkiPaths.FRONT_PROXY_CA, frontProxy),
                certificateFile(PkiPaths.ETCD_CA, etcd),
                keyFile(PkiPaths.ETCD_CA, etcd),
                NodeFile.text(PkiPaths.SERVICE_ACCOUNT_KEY, Pem.encode(serviceAccountKeys.getPrivate()), NodeFile.PRIVATE),
                NodeFile.text(
                        PkiPaths.SERVICE_ACCOUNT_PUBLIC_KEY, Pem.encode(serviceAccountKeys.getPublic()), NodeFile.PUBLIC));
    }

    /** The cluster CA's certificate, which every node needs to trust the API server. */
    public NodeFile caCertificateFile() {
        return certificateFile(PkiPaths.CA, kubernetes);
    }

    private static NodeFile certificateFile(String basePath, CertificateAuthority ca) {
        return NodeFile.text(PkiPaths.certificate(basePath), ca.credentials().certificatePem(), NodeFile.PUBLIC);
    }

    private static NodeFile keyFile(String basePath, CertificateAuthority ca) {
        return NodeFile.text(PkiPaths.key(basePath), ca.credentials().privateKeyPem(), NodeFile.PRIVATE);
    }

    private static CertificateAuthority loadCa(Map<String, byte[]> filesByPath, String basePath) {
        return CertificateAuthority.fromPem(
                text(filesByPath, PkiPaths.certificate(basePath)), text(filesByPath, PkiPaths.key(basePath)));
    }

    private static String text(Map<String, byte[]> filesByPath, String path) {
        byte[] content = filesByPath.get(path);
        if (content == null) {
            throw new IllegalArgumentException("missing " + path);
        }
        return new String(content, StandardCharsets.UTF_8);
    }
}
