package dev.kindj.internal.provision.node;

import dev.kindj.config.PortMapping;
import dev.kindj.internal.provision.HostSockets;
import dev.kindj.internal.provision.preflight.HostReadings;
import dev.kindj.internal.provision.registry.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where node containers live. Docker is the one implementation today; the bootstrap code talks
 * only to this interface.
 */
public interface NodeProvider extends AutoCloseable {

    /** What the preflight checks read about the engine and its host, read afresh on each use. */
    HostReadings host();

    /** The kindj local registry of that name, if there is one. */
    Optional<LocalRegistry> findRegistry(String registryName);

    /** Attaches the registry's container to the cluster's network, unless it is already; Docker picks its address. */
    void connectRegistry(String registryName, String clusterName);

    /** Creates the cluster's network with a subnet no other network uses, and returns that subnet. */
    String createNetwork(String clusterName);

    /** The subnet of the cluster's network, if it exists. */
    Optional<String> networkSubnet(String clusterName);

    /** Whether the node image is present where nodes are created (nothing can be pulled). */
    default boolean hasImage(String image) {
        return findImage(image).isPresent();
    }

    /** The image a reference names in the engine (a name, an ID or a digest), if there is one. */
    Optional<EngineImage> findImage(String reference);

    /** Local images, by NAME[:TAG], as one {@code docker save} stream: what image loading sends into nodes. */
    InputStream saveImages(List<String> names);

    /** Creates a node container, writes {@code bootFiles} into it and starts it. */
    Node createNode(NodeSpec spec, BootFiles bootFiles);

    /** Creates and starts a node container with only its image's files. */
    default Node createNode(NodeSpec spec) {
        return createNode(spec, BootFiles.NONE);
    }

    /**
     * Creates a node container that runs {@code command} instead of the image's systemd and needs no extra rights,
     * writes {@code files} into it before it first starts, and starts it.
     */
    Node createCommandNode(NodeSpec spec, List<String> command, List<NodeFile> files);

    /** Names of every cluster that has at least one node or network. */
    List<String> listClusters();

    List<Node> listNodes(String clusterName);

    /**
     * Where clients reach the ports this engine publishes on loopback or on every address: 127.0.0.1 when the engine
     * runs on this machine, the engine host's address when it is remote (DOCKER_HOST {@code tcp://HOST:PORT}).
     */
    default String engineAddress() {
        return "127.0.0.1";
    }

    /**
     * The address to publish a port on that the config asks for on {@code listenAddress} (an IP address): that one,
     * but loopback becomes {@link #engineAddress()}, since a remote engine's loopback is out of its clients' reach.
     */
    default String publishAddress(String listenAddress) {
        try {
            return InetAddress.getByName(listenAddress).isLoopbackAddress() ? engineAddress() : listenAddress;
        } catch (IOException e) {
            throw new UncheckedIOException("'" + listenAddress + "' is not an IP address", e);
        }
    }

    /** A host port free now for the mapping's address and protocol, for a mapping that asks for any port. */
    default int freeHostPort(PortMapping mapping) {
        try {
            return HostSockets.bind(mapping.listenAddress(), 0, mapping.protocol());
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port on " + mapping.listenAddress() + " failed", e);
        }
    }

    /**
     * Where a client reaches a node's published container port, as host:port; a wildcard listen address becomes
     * {@link #engineAddress()}, which always reaches it.
     */
    Optional<String> publishedEndpoint(String nodeName, int containerPort);

    /** Host ports Docker published for a node, keyed by container port (tcp). */
    Map<Integer, Integer> publishedPorts(String nodeName);

    ExecResult exec(String nodeName, List<String> command, InputStream stdin);

    default ExecResult exec(String nodeName, String... command) {
        return exec(nodeName, List.of(command), null);
    }

    /** Writes files into a node, creating parent directories. */
    void copyIn(String nodeName, List<NodeFile> files);

    /** Reads one regular file from a node. */
    byte[] copyOut(String nodeName, String path);

    /** What the engine knows of a node container, as {@code docker inspect} prints it (JSON). */
    String inspectNode(String nodeName);

    /** Copies a node container's console (its entrypoint's messages and systemd's boot) to {@code out}. */
    void copyConsole(String nodeName, OutputStream out);

    /**
     * Follows a node container's console, from its latest start on, until it prints {@code line} (a whole line).
     *
     * @return true once it has; false when the container stopped first or {@code timeout} passed
     */
    boolean awaitConsoleLine(String nodeName, String line, Duration timeout) throws InterruptedException;

    /**
     * A directory of a node as a tar stream, as {@code docker cp NODE:PATH -} gives it.
     *
     * @return empty when the node has no such directory
     */
    Optional<InputStream> copyDirectoryOut(String nodeName, String path);

    /** Whether a file or directory exists in a node container, running or not; a cheap look through the engine. */
    default boolean exists(String nodeName, String path) {
        Optional<InputStream> found = copyDirectoryOut(nodeName, path);
        if (found.isEmpty()) {
            return false;
        }
        try (InputStream archive = found.get()) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every container, volume and network labelled with the cluster's name. */
    void deleteCluster(String clusterName);

    /** Stops a node container as `docker stop` does; it keeps its disk and stays stopped until started. */
    void stopNode(String nodeName);

    /** Starts a stopped node container again; a running one is left alone. */
    void startNode(String nodeName);

    /** Removes one node container and its volumes. */
    void removeNode(String nodeName);

    /** When the node container last started: everything a node reports from before then is stale. */
    Instant startedAt(String nodeName);

    @Override
    void close();
}
