package dev.kindj.internal.provision;

import dev.kindj.config.PortProtocol;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Short-lived sockets on this host, to learn which host ports a node container can publish. */
public final class HostSockets {

    private HostSockets() {
    }

    /**
     * Binds the port on the address and closes it again at once. SCTP is bound as TCP: Java has no portable SCTP
     * socket, and a port free for TCP is a fair pick for SCTP.
     *
     * @param port 0 for any free one
     * @return the port bound
     * @throws java.net.BindException when it is taken (or not this process's to take)
     */
    public static int bind(String address, int port, PortProtocol protocol) throws IOException {
        InetAddress host = InetAddress.getByName(address);
        if (protocol == PortProtocol.UDP) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, port))) {
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket(port, 1, host)) {
            return socket.getLocalPort();
        }
    }
}
