package dev.kindj.api;

/**
 * One container of a cluster as Docker reports it now.
 *
 * @param name the container's name, which is also the Kubernetes node's name
 * @param ipAddress the fixed address on the cluster's Docker network
 * @param state Docker's state, e.g. {@code running} or {@code exited}
 * @param image the image the container runs
 */
public record KindjNode(String name, NodeRole role, String ipAddress, String state, String image) {

    public boolean running() {
        return "running".equals(state);
    }
}
