package dev.kindj.internal.provision.docker;

import dev.kindj.InvalidRequestException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The address at which clients reach ports an engine publishes. An engine behind a Unix socket publishes on this
 * machine (Docker Desktop forwards its VM's loopback here too): 127.0.0.1. An engine reached over TCP (DOCKER_HOST
 * {@code tcp://HOST:PORT}, or a Docker context naming one) publishes on its own host, which this machine reaches at
 * HOST: that host's IPv4 address, as ports are published on addresses, not names.
 */
final class EngineAddress {

    static final String LOOPBACK = "127.0.0.1";

    private EngineAddress() {
    }

    static String of(URI dockerHost) {
        String scheme = dockerHost.getScheme();
        if (!"tcp".equals(scheme) && !"http".equals(scheme) && !"https".equals(scheme)) {
            return LOOPBACK;
        }
        String host = dockerHost.getHost();
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (Arrays.stream(addresses).anyMatch(InetAddress::isLoopbackAddress)) {
                return LOOPBACK;
            }
            return Arrays.stream(addresses).filter(Inet4Address.class::isInstance).findFirst()
                    .map(InetAddress::getHostAddress)
                    .orElseThrow(() -> new UnknownHostException(host + " has no IPv4 address"));
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("cannot find the address of the Docker engine's host '" + host + "' (DOCKER_HOST "
                    + dockerHost + "): " + e.getMessage() + ". Set the address clients reach it at with "
                    + "--api-server-address or networking.apiServerAddress");
        }
    }
}
