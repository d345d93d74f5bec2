package dev.kindj.internal.provision.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Engine endpoints read as plain JSON trees, for answers of which kindj needs a few fields. docker-java's models
 * (Info, Version, Network, Container, InspectImageResponse) took 100 to 250 ms each on their first use in a JVM, which
 * was most of the time of a command such as `kindj get clusters`.
 */
final class EngineApi {

    private final DockerHttpClient http;

    EngineApi(DockerHttpClient http) {
        this.http = http;
    }

    /**
     * Asks whether the engine runs, as the docker CLI does first.
     *
     * @throws DockerUnavailableException when nothing answers there
     */
    void ping(URI dockerHost) {
        try (InputStream answer = stream("/_ping")) {
            answer.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            throw new DockerUnavailableException(dockerHost.toString(), e);
        }
    }

    /** @param path the path and query, e.g. {@code /networks} */
    JsonNode get(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException("GET " + path + " answered 404"));
    }

    /** The answer, or nothing when the engine answers 404 (no such image, container, ...). */
    Optional<JsonNode> find(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("the Docker engine answered " + response.getStatusCode() + " to GET " + path
                        + ": " + JsonTrees.read(response.getBody()).path("message").asText());
            }
            return Optional.of(JsonTrees.read(response.getBody()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        }
    }

    /** The body of a GET answered 200, streamed: closing the stream ends the exchange. */
    InputStream stream(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        DockerHttpClient.Response response = http.execute(request);
        try {
            if (response.getStatusCode() != 200) {
                String message = JsonTrees.read(response.getBody()).path("message").asText();
                response.close();
                throw new IllegalStateException("the Docker engine answered " + response.getStatusCode() + " to GET "
                        + path + ": " + message);
            }
            return new FilterInputStream(response.getBody()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        response.close();
                    }
                }
            };
        } catch (IOException e) {
            response.close();
            throw new UncheckedIOException("GET " + path + " failed", e);
        }
    }

    /** A {@code filters} query parameter: objects that carry the label, or carry it with this value. */
    static String labelFilter(String label, String value) {
        String filter = value == null ? label : label + "=" + value;
        return "filters=" + URLEncoder.encode("{\"label\":[\"" + filter + "\"]}", StandardCharsets.UTF_8);
    }
}
