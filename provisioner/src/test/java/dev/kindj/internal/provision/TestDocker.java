package dev.kindj.internal.provision;

import com.github.dockerjava.api.DockerClient;
import dev.kindj.internal.provision.docker.DockerClients;

/** The tests' own Docker client, for looking at and doing to containers what kindj's provider does not offer. */
public final class TestDocker {

    private static DockerClient client;

    private TestDocker() {
    }

    public static synchronized DockerClient client() {
        if (client == null) {
            client = DockerClients.connect();
        }
        return client;
    }
}
