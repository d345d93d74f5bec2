package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.pki.PkiPaths.certificate;
import static dev.kindj.internal.provision.pki.PkiPaths.key;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.function.UnaryOperator;

/** kube-apiserver's arguments on a control plane, as kubeadm gives them; it talks to its own node's etcd. */
public final class ApiServerFiles {

    private ApiServerFiles() {}

    public static NodeFile args(ClusterPlan plan, PlannedNode node) {
        return args(plan, node, etcd -> etcd
                .flag("etcd-servers", EtcdFiles.LOCAL_CLIENT_URL)
                .flag("etcd-cafile", certificate(PkiPaths.ETCD_CA))
                .flag("etcd-certfile", certificate(PkiPaths.API_SERVER_ETCD_CLIENT))
                .flag("etcd-keyfile", key(PkiPaths.API_SERVER_ETCD_CLIENT)));
    }

    /** An api-only node's: its etcd is {@link EtcdFiles#loopbackOnly}. */
    public static NodeFile withLoopbackEtcd(ClusterPlan plan, PlannedNode node) {
        return args(plan, node, etcd -> etcd.flag("etcd-servers", EtcdFiles.LOOPBACK_HTTP_CLIENT_URL));
    }

    private static NodeFile args(ClusterPlan plan, PlannedNode node, UnaryOperator<ComponentArgs> etcdClient) {
        ComponentArgs args = new ComponentArgs("kube-apiserver")
                .flag("advertise-address", node.ip())
                .flag("secure-port", ClusterPlan.API_SERVER_PORT)
                .flag("allow-privileged", true)
                .flag("authorization-mode", "Node,RBAC")
                .flag("enable-admission-plugins", "NodeRestriction")
                .flag("client-ca-file", certificate(PkiPaths.CA))
                .flag("tls-cert-file", certificate(PkiPaths.API_SERVER))
                .flag("tls-private-key-file", key(PkiPaths.API_SERVER));
        return etcdClient.apply(args)
                .flag("kubelet-client-certificate", certificate(PkiPaths.API_SERVER_KUBELET_CLIENT))
                .flag("kubelet-client-key", key(PkiPaths.API_SERVER_KUBELET_CLIENT))
                .flag("kubelet-preferred-address-types", "InternalIP,ExternalIP,Hostname")
                .flag("proxy-client-cert-file", certificate(PkiPaths.FRONT_PROXY_CLIENT))
                .flag("proxy-client-key-file", key(PkiPaths.FRONT_PROXY_CLIENT))
                .flag("requestheader-client-ca-file", certificate(PkiPaths.FRONT_PROXY_CA))
                .flag("requestheader-allowed-names", "front-proxy-client")
                .flag("requestheader-username-headers", "X-Remote-User")
                .flag("requestheader-group-headers", "X-Remote-Group")
                .flag("requestheader-extra-headers-prefix", "X-Remote-Extra-")
                .flag("service-account-issuer", "https://kubernetes.default.svc." + ClusterPlan.CLUSTER_DOMAIN)
                .flag("service-account-key-file", PkiPaths.SERVICE_ACCOUNT_PUBLIC_KEY)
                .flag("service-account-signing-key-file", PkiPaths.SERVICE_ACCOUNT_KEY)
                .flag("service-cluster-ip-range", plan.serviceSubnet())
                .featureGates(plan.config())
                .keyValues("runtime-config", plan.config().runtimeConfig())
                .extraArgs(plan.config().kubeadmFor(node.config()).apiServerArgs())
                .toFile();
    }
}
