package dev.kindj.config;

/**
 * A host port forwarded to a node container port; kind's {@code extraPortMappings} entry.
 *
 * @param hostPort      0 picks a random free port
 * @param listenAddress null means {@value #ANY_ADDRESS}, as in kind
 * @param protocol      null means {@link PortProtocol#TCP}
 */
public record PortMapping(int containerPort, int hostPort, String listenAddress, PortProtocol protocol) {

    public static final String ANY_ADDRESS = "0.0.0.0";

    public PortMapping {
        listenAddress = listenAddress == null ? ANY_ADDRESS : listenAddress;
        protocol = protocol == null ? PortProtocol.TCP : protocol;
    }

    /** A TCP mapping listening on all host addresses. */
    public static PortMapping of(int containerPort, int hostPort) {
        return new PortMapping(containerPort, hostPort, null, null);
    }
}
