package dev.kindj.internal.provision.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Engine endpoints read as plain JSON trees, for answers of which kindj needs a few fields. docker-java's models
 * (Info, Version, Network, Container, InspectImageResponse) took 100 to 250 ms each on their first use in a JVM, which
 * was most of the time of a command such as `kindj get clusters`.
 */
final class EngineApi {

    private static final JsonFactory JSON = new JsonFactory();

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
        try (InputStream answer = open(DockerHttpClient.Request.Method.GET, path, null, true)) {
            return answer == null ? Optional.empty() : Optional.of(JsonTrees.read(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        }
    }

    /** The answer to a POST of this JSON, e.g. the ID of what it made. */
    JsonNode post(String path, String json) {
        try (InputStream answer = open(DockerHttpClient.Request.Method.POST, path, json, false)) {
            return JsonTrees.read(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }

    /** Removes what the path names, e.g. {@code /containers/ID?force=1&v=1}; what is gone already (404) is no error. */
    void delete(String path) {
        try (InputStream ignored = open(DockerHttpClient.Request.Method.DELETE, path, null, true)) {
            // the answer carries nothing more
        } catch (IOException e) {
            throw new UncheckedIOException("DELETE " + path + " failed", e);
        }
    }

    /** The body of a GET answered 200, streamed: closing the stream ends the exchange. */
    InputStream stream(String path) {
        return open(DockerHttpClient.Request.Method.GET, path, null, false);
    }

    /** The body of a POST of this JSON, streamed as it comes (an exec's output): closing the stream ends the exchange. */
    InputStream postStream(String path, String json) {
        return open(DockerHttpClient.Request.Method.POST, path, json, false);
    }

    /** Creates an exec of the command in the container, with its output (and stdin, if asked) attached; its ID. */
    String createExec(String container, List<String> command, boolean attachStdin) {
        StringWriter json = new StringWriter();
        try (JsonGenerator request = JSON.createGenerator(json)) {
            request.writeStartObject();
            request.writeBooleanField("AttachStdin", attachStdin);
            request.writeBooleanField("AttachStdout", true);
            request.writeBooleanField("AttachStderr", true);
            request.writeArrayFieldStart("Cmd");
            for (String word : command) {
                request.writeString(word);
            }
            request.writeEndArray();
            request.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return post("/containers/" + container + "/exec", json.toString()).path("Id").asText();
    }

    /** Runs a created exec to its end; Docker multiplexes its stdout and stderr into one stream. */
    void runExec(String execId, OutputStream stdout, OutputStream stderr) {
        try (InputStream frames = postStream("/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":false}")) {
            StdinExec.demultiplex(new DataInputStream(new BufferedInputStream(frames)), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of exec " + execId + " failed", e);
        }
    }

    /** The exit code of an exec that ended, or -1 if the engine has none. */
    int execExitCode(String execId) {
        return get("/exec/" + execId + "/json").path("ExitCode").asInt(-1);
    }

    /** The body of an answer in the 200s, or null for a 404 when that means "not there". */
    private InputStream open(DockerHttpClient.Request.Method method, String path, String json, boolean absentOn404) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method).path(path);
        if (json != null) {
            request.putHeader("Content-Type", "application/json").bodyBytes(json.getBytes(StandardCharsets.UTF_8));
        }
        DockerHttpClient.Response response = http.execute(request.build());
        try {
            int status = response.getStatusCode();
            if (status == 404 && absentOn404) {
                response.close();
                return null;
            }
            if (status / 100 != 2) {
                String message = JsonTrees.read(response.getBody()).path("message").asText();
                response.close();
                // docker-java's error type ("Status 500: ..."), so that callers handle the engine's refusals alike
                // whichever client asked
                throw new DockerException("the Docker engine refused " + method + " " + path + ": " + message, status);
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
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /** A {@code filters} query parameter: objects that carry the label, or carry it with this value. */
    static String labelFilter(String label, String value) {
        String filter = value == null ? label : label + "=" + value;
        return "filters=" + encode("{\"label\":[\"" + filter + "\"]}");
    }

    /** Text made safe for a path segment or query value of a request. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
