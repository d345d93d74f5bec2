package dev.kindj.api;

/** What a container of a cluster is for. */
public enum NodeRole {
    /** Runs etcd, the API server, the controller manager and the scheduler, and a kubelet. */
    CONTROL_PLANE("control-plane"),
    /** Runs a kubelet and kube-proxy for workloads. */
    WORKER("worker"),
    /** haproxy in front of several control planes' API servers; not a Kubernetes node. */
    LOAD_BALANCER("external-load-balancer");

    private final String label;

    NodeRole(String label) {
        this.label = label;
    }

    /** The name kind and kindj print for the role, e.g. {@code control-plane}. */
    public String label() {
        return label;
    }
}
