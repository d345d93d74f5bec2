package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.function.Supplier;

/**
 * docker-java's client, made on its first use. Most CLI commands only look things up, which plain JSON requests do
 * (EngineApi); making the client (its configuration, HTTP client and ping) took longer than the look-ups. A holder
 * rather than a dynamic proxy of DockerClient: generating that proxy class for its hundred methods took 12-17 ms of
 * every command that talks to the engine.
 */
final class LazyDockerClient {

    private final Supplier<DockerClient> connect;
    private volatile DockerClient client;

    private LazyDockerClient(Supplier<DockerClient> connect) {
        this.connect = connect;
    }

    static LazyDockerClient of(Supplier<DockerClient> connect) {
        return new LazyDockerClient(connect);
    }

    /** A client made already. */
    static LazyDockerClient of(DockerClient made) {
        LazyDockerClient lazy = new LazyDockerClient(() -> made);
        lazy.client = made;
        return lazy;
    }

    DockerClient get() {
        DockerClient made = client;
        if (made == null) {
            synchronized (this) {
                if (client == null) {
                    client = connect.get();
                }
                made = client;
            }
        }
        return made;
    }

    /** Closes the client if it was made; one never made has nothing to release. */
    void close() {
        DockerClient made = client;
        if (made != null) {
            DockerClients.closeQuietly(made);
        }
    }
}
