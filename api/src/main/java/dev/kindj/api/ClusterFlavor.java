package dev.kindj.api;

/** What a cluster runs. */
public enum ClusterFlavor {

    /** Real nodes: kubelets, a container runtime, kube-proxy, the pod network, the scheduler, CoreDNS. The default. */
    FULL,

    /**
     * One container with etcd, kube-apiserver and kube-controller-manager and nothing else: no kubelet, no nodes, no
     * scheduler, so pods stay Pending. Namespaces are finalized, garbage collection, ServiceAccount tokens and the
     * other controllers work: for testing operators and controllers, and it starts in seconds.
     */
    API_ONLY
}
