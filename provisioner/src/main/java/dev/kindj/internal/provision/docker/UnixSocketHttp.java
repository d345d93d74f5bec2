package dev.kindj.internal.provision.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The engine's API over its Unix socket with the JDK alone, one connection per request. HTTP/1.0, so that the engine
 * never chunks an answer: its body is everything up to the end of the connection. Setting up docker-java's HTTP
 * client (its connection pool, cookie rules, public suffix list) and pinging took 100 ms of every CLI command;
 * this answers the engine look-ups (EngineApi), and docker-java is made only for the commands that need it.
 */
final class UnixSocketHttp implements DockerHttpClient {

    private final Path socket;

    UnixSocketHttp(Path socket) {
        this.socket = socket;
    }

    @Override
    public Response execute(Request request) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            OutputStream out = Channels.newOutputStream(channel);
            byte[] body = request.bodyBytes();
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path())
                    .append(" HTTP/1.0\r\nHost: docker\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            String status = StdinExec.readLine(in);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer from " + socket + ": " + status);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = StdinExec.readLine(in); !header.isEmpty(); header = StdinExec.readLine(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(header.substring(0, colon).trim(), name -> new ArrayList<>())
                            .add(header.substring(colon + 1).trim());
                }
            }
            return new Answer(Integer.parseInt(parts[1]), headers, in);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(request.method() + " " + request.path() + " over " + socket + " failed", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        // one connection per request, closed with its answer
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** An answer whose body ends where the connection does; closing it closes the connection. */
    private record Answer(int getStatusCode, Map<String, List<String>> getHeaders, InputStream getBody)
            implements Response {
        @Override
        public void close() {
            try {
                getBody.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }
}
