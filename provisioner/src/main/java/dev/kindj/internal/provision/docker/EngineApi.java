package dev.kindj.internal.provision.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Engine endpoints read as plain JSON trees, for answers of which kindj needs a few fields. docker-java's models
 * (Info, Version, Network, Container) took 100 to 250 ms each on their first use in a JVM, which is most of the time
 * of a command such as `kindj get clusters`.
 */
final class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    EngineApi(DockerHttpClient http) {
        this.http = http;
    }

    /** @param path the path and query, e.g. {@code /networks} */
    JsonNode get(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.getStatusCode());
            }
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        }
    }
}
