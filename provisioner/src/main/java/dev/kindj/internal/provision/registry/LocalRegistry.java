package dev.kindj.internal.provision.registry;

/**
 * A kindj local registry: a container of CNCF distribution named {@code name}, listening on port
 * {@value #CONTAINER_PORT} and published on the host's {@code 127.0.0.1:hostPort}.
 *
 * @param state Docker's state of the container, e.g. {@code running} or {@code exited}
 */
public record LocalRegistry(String name, int hostPort, String state) {

    /** Where the registry listens in its container. */
    public static final int CONTAINER_PORT = 5000;

    /** How the host, and pods through the nodes' containerd, name the registry: {@code localhost:5001}. */
    public String host() {
        return "localhost:" + hostPort;
    }

    /** How containers on a cluster's Docker network reach it: {@code kindj-registry:5000}. */
    public String hostInNetwork() {
        return name + ":" + CONTAINER_PORT;
    }

    /** The Docker volume that holds its blobs. */
    public String volume() {
        return volumeOf(name);
    }

    public static String volumeOf(String registryName) {
        return registryName + "-data";
    }
}
