package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainEngineSocketTest {

    @TempDir
    Path home;

    private final Properties linux = new Properties();

    PlainEngineSocketTest() {
        linux.setProperty("os.name", "Linux");
    }

    @Test
    void withNothingSetTheDefaultSocketIsTheEngine() {
        assertThat(PlainEngineSocket.find(Map.of(), linux, home)).contains(URI.create("unix:///var/run/docker.sock"));
    }

    @Test
    void aUnixDockerHostIsTheEngine() {
        assertThat(PlainEngineSocket.find(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), linux, home))
                .contains(URI.create("unix:///run/user/1000/docker.sock"));
    }

    @Test
    void aTcpDockerHostIsLeftToDockerJava() {
        assertThat(PlainEngineSocket.find(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376"), linux, home)).isEmpty();
    }

    @Test
    void aDockerContextIsLeftToDockerJava() throws IOException {
        assertThat(PlainEngineSocket.find(Map.of("DOCKER_CONTEXT", "remote"), linux, home)).isEmpty();

        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\": {}, \"currentContext\": \"desktop-linux\"}");
        assertThat(PlainEngineSocket.find(Map.of(), linux, home)).isEmpty();
    }

    @Test
    void aDockerConfigWithoutContextKeepsTheDefaultSocket() throws IOException {
        Path config = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(config.resolve("config.json"), "{\"auths\": {}}");
        assertThat(PlainEngineSocket.find(Map.of("DOCKER_CONFIG", config.toString()), linux, home))
                .contains(URI.create("unix:///var/run/docker.sock"));
    }

    @Test
    void dockerJavaSettingsAreLeftToDockerJava() throws IOException {
        Properties withHost = new Properties(linux);
        withHost.setProperty("DOCKER_HOST", "unix:///other.sock");
        assertThat(PlainEngineSocket.find(Map.of(), withHost, home)).isEmpty();

        Files.writeString(home.resolve(".docker-java.properties"), "DOCKER_HOST=tcp://10.0.0.5:2375\n");
        assertThat(PlainEngineSocket.find(Map.of(), linux, home)).isEmpty();
    }
}
