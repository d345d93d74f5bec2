package dev.kindj.internal.provision.node;

/** A running (or stopped) node container as the provider found it. */
public record Node(String name, String clusterName, NodeRole role, String ipAddress, String state, String image) {

    public boolean isRunning() {
        return "running".equals(state);
    }
}
