package dev.kindj.internal.provision.pki;

import dev.kindj.internal.provision.kubeconfig.Kubeconfig;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every certificate, key and kubeconfig of a cluster, made the way kubeadm makes them, so that nodes can run
 * Kubernetes without kubeadm. Control planes share the authorities and the admin identity; all else is per node.
 */
public final class ClusterPki {

    private static final CertificateSpec ADMIN = CertificateSpec.client("kubernetes-admin", "kubeadm:cluster-admins");

    private final PkiRequest request;
    private final ClusterAuthorities authorities;
    private final CertifiedKey admin;
    private final Map<String, List<NodeFile>> nodeFiles;

    private ClusterPki(
            PkiRequest request,
            ClusterAuthorities authorities,
            CertifiedKey admin,
            Map<String, List<NodeFile>> nodeFiles) {
        this.request = request;
        this.authorities = authorities;
        this.admin = admin;
        this.nodeFiles = nodeFiles;
    }

    /** A new cluster: new authorities and everything they sign. */
    public static ClusterPki generate(PkiRequest request) {
        if (request.controlPlanes().isEmpty()) {
            throw new IllegalArgumentException("a new cluster needs at least one control plane");
        }
        try (ParallelIssuer issuer = new ParallelIssuer()) {
            return generate(request, PendingAuthorities.generate(request.algorithm(), issuer), issuer);
        }
    }

    /** Nodes joining an existing cluster, whose authorities come from {@link ClusterAuthorities#load}. */
    public static ClusterPki generate(PkiRequest request, ClusterAuthorities authorities) {
        try (ParallelIssuer issuer = new ParallelIssuer()) {
            return generate(request, PendingAuthorities.of(authorities), issuer);
        }
    }

    private static ClusterPki generate(PkiRequest request, PendingAuthorities authorities, ParallelIssuer issuer) {
        Issuing issuing = new Issuing(request, authorities, issuer);
        Map<String, List<CompletableFuture<List<NodeFile>>>> pending = new LinkedHashMap<>();
        for (ControlPlaneEndpoint controlPlane : request.controlPlanes()) {
            pending.put(controlPlane.nodeName(), issuing.controlPlaneFiles(controlPlane));
        }
        for (String node : request.allNodeNames()) {
            pending.computeIfAbsent(node, issuing::nodeKubeconfigs);
        }
        Map<String, List<NodeFile>> nodeFiles = new LinkedHashMap<>();
        pending.forEach((node, files) -> nodeFiles.put(
                node, files.stream().flatMap(file -> ParallelIssuer.await(file).stream()).toList()));
        return new ClusterPki(request, authorities.await(), ParallelIssuer.await(issuing.admin), nodeFiles);
    }

    public ClusterAuthorities authorities() {
        return authorities;
    }

    /** The cluster-admin identity of every admin.conf and of {@link #exportedAdminKubeconfig}. */
    public CertifiedKey adminCredentials() {
        return admin;
    }

    /**
     * The files to place on a node: for a control plane all of /etc/kubernetes/pki and its kubeconfigs, for a
     * worker only the cluster CA certificate and the kubeconfigs of its kubelet and kube-proxy.
     */
    public List<NodeFile> filesFor(String nodeName) {
        List<NodeFile> own = nodeFiles.get(nodeName);
        if (own == null) {
            throw new IllegalArgumentException("no node " + nodeName + " in cluster " + request.clusterName());
        }
        List<NodeFile> files = new ArrayList<>(isControlPlane(nodeName)
                ? authorities.files()
                : List.of(authorities.caCertificateFile()));
        files.addAll(own);
        return List.copyOf(files);
    }

    /** The admin kubeconfig for the user's machine, with cluster, user and context all named kindj-clusterName. */
    public String exportedAdminKubeconfig(String serverUrl) {
        String name = KubeconfigFile.entryName(request.clusterName());
        return new Kubeconfig(
                        name,
                        serverUrl,
                        authorities.kubernetes().credentials().certificatePem(),
                        name,
                        admin.certificatePem(),
                        admin.privateKeyPem(),
                        name)
                .toYaml();
    }

    private boolean isControlPlane(String nodeName) {
        return request.controlPlanes().stream().anyMatch(controlPlane -> controlPlane.nodeName().equals(nodeName));
    }

    /** The issuing of one request's certificates, each started at once on the issuer's threads. */
    private static final class Issuing {

        private final PkiRequest request;
        private final PendingAuthorities authorities;
        private final ParallelIssuer issuer;
        private final CompletableFuture<CertifiedKey> admin;

        Issuing(PkiRequest request, PendingAuthorities authorities, ParallelIssuer issuer) {
            this.request = request;
            this.authorities = authorities;
            this.issuer = issuer;
            this.admin = issue(authorities.kubernetes(), ADMIN);
        }

        List<CompletableFuture<List<NodeFile>>> controlPlaneFiles(ControlPlaneEndpoint controlPlane) {
            String node = controlPlane.nodeName();
            SubjectAltNames etcdNames = SubjectAltNames.of(node, "localhost", controlPlane.ip(), "127.0.0.1", "::1");
            CompletableFuture<CertificateAuthority> kubernetes = authorities.kubernetes();
            CompletableFuture<CertificateAuthority> etcd = authorities.etcd();
            List<CompletableFuture<List<NodeFile>>> files = new ArrayList<>(List.of(
                    certificateFiles(PkiPaths.API_SERVER, kubernetes,
                            CertificateSpec.server("kube-apiserver", apiServerAltNames(controlPlane))),
                    // no group: the cluster grants this user system:kubelet-api-admin by name
                    certificateFiles(PkiPaths.API_SERVER_KUBELET_CLIENT, kubernetes,
                            CertificateSpec.client("kube-apiserver-kubelet-client")),
                    certificateFiles(PkiPaths.FRONT_PROXY_CLIENT, authorities.frontProxy(),
                            CertificateSpec.client("front-proxy-client")),
                    certificateFiles(PkiPaths.ETCD_SERVER, etcd, CertificateSpec.serverAndClient(node, etcdNames)),
                    certificateFiles(PkiPaths.ETCD_PEER, etcd, CertificateSpec.serverAndClient(node, etcdNames)),
                    certificateFiles(PkiPaths.ETCD_HEALTHCHECK_CLIENT, etcd,
                            CertificateSpec.client("kube-etcd-healthcheck-client")),
                    certificateFiles(PkiPaths.API_SERVER_ETCD_CLIENT, etcd,
                            CertificateSpec.client("kube-apiserver-etcd-client")),
                    kubeconfigFile(PkiPaths.ADMIN_KUBECONFIG, request.clusterEndpoint(), ADMIN.commonName(), admin),
                    kubeconfigFile(PkiPaths.SUPER_ADMIN_KUBECONFIG, request.clusterEndpoint(),
                            CertificateSpec.client("kubernetes-super-admin", "system:masters")),
                    kubeconfigFile(PkiPaths.CONTROLLER_MANAGER_KUBECONFIG, controlPlane.localApiServerUrl(),
                            CertificateSpec.client("system:kube-controller-manager")),
                    kubeconfigFile(PkiPaths.SCHEDULER_KUBECONFIG, controlPlane.localApiServerUrl(),
                            CertificateSpec.client("system:kube-scheduler"))));
            files.addAll(nodeKubeconfigs(node));
            return files;
        }

        /** What every node needs, control plane or worker. */
        List<CompletableFuture<List<NodeFile>>> nodeKubeconfigs(String node) {
            return List.of(
                    kubeconfigFile(PkiPaths.KUBELET_KUBECONFIG, request.clusterEndpoint(),
                            CertificateSpec.client("system:node:" + node, "system:nodes")),
                    // no group: the default ClusterRoleBinding system:node-proxier names exactly this user
                    kubeconfigFile(PkiPaths.KUBE_PROXY_KUBECONFIG, request.clusterEndpoint(),
                            CertificateSpec.client("system:kube-proxy")));
        }

        private SubjectAltNames apiServerAltNames(ControlPlaneEndpoint controlPlane) {
            List<String> names = new ArrayList<>(List.of(
                    controlPlane.nodeName(),
                    "kubernetes",
                    "kubernetes.default",
                    "kubernetes.default.svc",
                    "kubernetes.default.svc." + request.clusterDomain(),
                    request.firstServiceIp(),
                    controlPlane.ip(),
                    "localhost",
                    "127.0.0.1"));
            names.addAll(request.extraApiServerSans());
            return SubjectAltNames.of(names);
        }

        private CompletableFuture<CertifiedKey> issue(CompletableFuture<CertificateAuthority> ca, CertificateSpec spec) {
            return issuer.issue(ca, spec, request.algorithm());
        }

        private CompletableFuture<List<NodeFile>> certificateFiles(
                String basePath, CompletableFuture<CertificateAuthority> ca, CertificateSpec spec) {
            return issue(ca, spec).thenApply(issued -> List.of(
                    NodeFile.text(PkiPaths.certificate(basePath), issued.certificatePem(), NodeFile.PUBLIC),
                    NodeFile.text(PkiPaths.key(basePath), issued.privateKeyPem(), NodeFile.PRIVATE)));
        }

        private CompletableFuture<List<NodeFile>> kubeconfigFile(String path, String server, CertificateSpec client) {
            return kubeconfigFile(path, server, client.commonName(), issue(authorities.kubernetes(), client));
        }

        /** Named as kubeadm names them: the user after the certificate's CN, the context user@cluster. */
        private CompletableFuture<List<NodeFile>> kubeconfigFile(
                String path, String server, String user, CompletableFuture<CertifiedKey> client) {
            return client.thenCombine(authorities.kubernetes(), (credentials, ca) -> {
                Kubeconfig kubeconfig = new Kubeconfig(
                        request.clusterName(),
                        server,
                        ca.credentials().certificatePem(),
                        user,
                        credentials.certificatePem(),
                        credentials.privateKeyPem(),
                        user + "@" + request.clusterName());
                return List.of(NodeFile.text(path, kubeconfig.toYaml(), NodeFile.PRIVATE));
            });
        }
    }
}
