package dev.kindj.provision.node;

/** A container port published on the host; hostPort 0 lets Docker choose a free port. */
public record PortMapping(int containerPort, int hostPort, String listenAddress, String protocol) {

    public static PortMapping onLoopback(int containerPort) {
        return new PortMapping(containerPort, 0, "127.0.0.1", "tcp");
    }
}
