package dev.kindj.internal.provision.docker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The engine's Unix socket, found without docker-java when nothing but DOCKER_HOST or the default names the engine:
 * no Docker context (DOCKER_CONTEXT, or a current context in the docker CLI's config.json), no docker-java settings
 * (system properties, {@code ~/.docker-java.properties}). Anything else is left to docker-java's configuration
 * (DockerClients), which reads all of those, at the cost of tens of milliseconds.
 */
final class PlainEngineSocket {

    static final String DEFAULT = "unix:///var/run/docker.sock";

    private PlainEngineSocket() {
    }

    static Optional<URI> find() {
        return find(System.getenv(), System.getProperties(), Path.of(System.getProperty("user.home")));
    }

    static Optional<URI> find(Map<String, String> env, Properties system, Path home) {
        boolean configuredForDockerJava = system.containsKey("DOCKER_HOST") || system.containsKey("DOCKER_CONTEXT")
                || system.containsKey("DOCKER_CONFIG") || Files.exists(home.resolve(".docker-java.properties"));
        if (configuredForDockerJava || system.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.empty();
        }
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return dockerHost.startsWith("unix://") ? Optional.of(URI.create(dockerHost)) : Optional.empty();
        }
        if (env.get("DOCKER_CONTEXT") != null) {
            return Optional.empty();
        }
        Path config = Path.of(env.getOrDefault("DOCKER_CONFIG", home.resolve(".docker").toString()), "config.json");
        return namesContext(config) ? Optional.empty() : Optional.of(URI.create(DEFAULT));
    }

    /**
     * Whether the docker CLI's config may name a current context: any mention counts, and so does a config that
     * cannot be read; docker-java reads the rest, and says what is wrong with it.
     */
    private static boolean namesContext(Path config) {
        try {
            return Files.exists(config) && Files.readString(config).contains("\"currentContext\"");
        } catch (IOException e) {
            return true;
        }
    }
}
