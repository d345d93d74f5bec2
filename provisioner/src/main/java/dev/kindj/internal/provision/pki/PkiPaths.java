package dev.kindj.internal.provision.pki;

/** Where kubeadm keeps certificates, keys and kubeconfigs on a node; Kubernetes components are configured with these. */
public final class PkiPaths {

    public static final String PKI_DIR = "/etc/kubernetes/pki";
    public static final String CA = PKI_DIR + "/ca";
    public static final String API_SERVER = PKI_DIR + "/apiserver";
    public static final String API_SERVER_KUBELET_CLIENT = PKI_DIR + "/apiserver-kubelet-client";
    public static final String FRONT_PROXY_CA = PKI_DIR + "/front-proxy-ca";
    public static final String FRONT_PROXY_CLIENT = PKI_DIR + "/front-proxy-client";
    public static final String API_SERVER_ETCD_CLIENT = PKI_DIR + "/apiserver-etcd-client";
    public static final String ETCD_CA = PKI_DIR + "/etcd/ca";
    public static final String ETCD_SERVER = PKI_DIR + "/etcd/server";
    public static final String ETCD_PEER = PKI_DIR + "/etcd/peer";
    public static final String ETCD_HEALTHCHECK_CLIENT = PKI_DIR + "/etcd/healthcheck-client";
    public static final String SERVICE_ACCOUNT_KEY = PKI_DIR + "/sa.key";
    public static final String SERVICE_ACCOUNT_PUBLIC_KEY = PKI_DIR + "/sa.pub";

    public static final String ADMIN_KUBECONFIG = "/etc/kubernetes/admin.conf";
    public static final String SUPER_ADMIN_KUBECONFIG = "/etc/kubernetes/super-admin.conf";
    public static final String CONTROLLER_MANAGER_KUBECONFIG = "/etc/kubernetes/controller-manager.conf";
    public static final String SCHEDULER_KUBECONFIG = "/etc/kubernetes/scheduler.conf";
    public static final String KUBELET_KUBECONFIG = "/etc/kubernetes/kubelet.conf";
    /** Not kubeadm's (its kube-proxy uses a service account): kindj runs kube-proxy as a unit with its own identity. */
    public static final String KUBE_PROXY_KUBECONFIG = "/etc/kubernetes/kube-proxy.conf";

    private PkiPaths() {}

    /** The certificate file of a base path such as {@link #CA}. */
    public static String certificate(String basePath) {
        return basePath + ".crt";
    }

    /** The private key file of a base path such as {@link #CA}. */
    public static String key(String basePath) {
        return basePath + ".key";
    }
}
