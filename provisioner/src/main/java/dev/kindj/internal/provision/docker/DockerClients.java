package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import dev.kindj.InvalidRequestException;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Connects to the Docker engine the way the docker CLI and Testcontainers find it: DOCKER_HOST,
 * else the default socket. No API version is pinned, so the engine answers in its own version:
 * Engine 20.10 (API 1.41) and current engines both work.
 */
public final class DockerClients {

    private static final SSLContext NO_TLS = new SSLContext(null, null, "none") {
    };

    private DockerClients() {
    }

    public static DockerClient connect() {
        return connect(config());
    }

    static DockerClientConfig config() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    }

    static DockerClient connect(DockerClientConfig config) {
        if ("ssh".equals(config.getDockerHost().getScheme())) {
            // docker-java speaks to Unix sockets and TCP only
            throw new InvalidRequestException("DOCKER_HOST " + config.getDockerHost() + ": kindj cannot reach an engine "
                    + "over ssh:// itself. Forward its socket (ssh -nNT -L /tmp/engine.sock:/var/run/docker.sock HOST), "
                    + "set DOCKER_HOST=unix:///tmp/engine.sock and give the address clients reach HOST at with "
                    + "--api-server-address");
        }
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(sslConfig(config))
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(30))
                .maxConnections(64)
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw new DockerUnavailableException(config.getDockerHost().toString(), e);
        }
        return client;
    }

    /**
     * A Unix socket carries no TLS, yet an HTTP client without an SSL context of its own loads the system's trust
     * store to make the default one: hundreds of certificates parsed, a fifth of `kindj get clusters`. It gets a
     * context that is never used instead; an engine over TCP gets the configured one (DOCKER_TLS_VERIFY,
     * DOCKER_CERT_PATH) or the system default, as before.
     */
    private static SSLConfig sslConfig(DockerClientConfig config) {
        if (config.getSSLConfig() == null && "unix".equals(config.getDockerHost().getScheme())) {
            return () -> NO_TLS;
        }
        return config.getSSLConfig();
    }

    static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
