package dev.kindj.internal.provision.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Starts an exec whose stdin is streamed from the caller, over a hijacked connection we hold
 * ourselves. docker-java's transports never half-close the connection when stdin ends, so the
 * command would wait for EOF forever; here the write side is shut down when the stream ends, as
 * the docker CLI does.
 */
final class StdinExec {

    private StdinExec() {
    }

    /** @param tls the engine's TLS settings (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), or null for none */
    static void run(URI dockerHost, SSLConfig tls, String execId, InputStream stdin, OutputStream stdout,
                    OutputStream stderr) {
        try (Connection channel = open(dockerHost, tls)) {
            OutputStream toDocker = channel.output();
            DataInputStream fromDocker = new DataInputStream(new BufferedInputStream(channel.input()));
            byte[] body = "{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.UTF_8);
            String request = "POST /exec/" + execId + "/start HTTP/1.1\r\n"
                    + "Host: docker\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            toDocker.write(request.getBytes(StandardCharsets.US_ASCII));
            toDocker.write(body);
            toDocker.flush();
            expectUpgrade(fromDocker, execId);

            Thread feeder = new Thread(() -> feed(stdin, toDocker, channel), "kindj-exec-stdin-" + execId);
            feeder.setDaemon(true);
            feeder.start();
            demultiplex(fromDocker, stdout, stderr);
            feeder.join();
        } catch (IOException e) {
            throw new UncheckedIOException("exec " + execId + " over " + dockerHost + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while streaming stdin to exec " + execId, e);
        }
    }

    private static Connection open(URI dockerHost, SSLConfig tls) throws IOException {
        return switch (dockerHost.getScheme()) {
            case "unix" -> new ChannelConnection(SocketChannel.open(UnixDomainSocketAddress.of(dockerHost.getPath())));
            case "tcp", "http", "https" -> tls == null ? tcp(dockerHost) : tls(dockerHost, tls);
            default -> throw new IllegalArgumentException(
                    "streaming stdin to a command in a node is supported over unix:// and tcp:// Docker hosts, not " + dockerHost);
        };
    }

    private static Connection tcp(URI dockerHost) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
        channel.connect(new InetSocketAddress(dockerHost.getHost(), dockerHost.getPort()));
        return new ChannelConnection(channel);
    }

    /** An engine that wants TLS, as the HTTP client speaks it to it: the same context, the host name checked. */
    private static Connection tls(URI dockerHost, SSLConfig tls) throws IOException {
        SSLContext context;
        try {
            context = tls.getSSLContext();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS to " + dockerHost + ": " + e.getMessage(), e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(dockerHost.getHost(), dockerHost.getPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return new SocketConnection(socket);
    }

    private static void expectUpgrade(DataInputStream in, String execId) throws IOException {
        String status = readLine(in);
        if (!status.contains(" 101 ") && !status.contains(" 200 ")) {
            throw new IOException("Docker refused to start exec " + execId + ": " + status);
        }
        while (!readLine(in).isEmpty()) {
            // skip response headers up to the blank line
        }
    }

    /** One line of an HTTP answer's head, without its line break. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed while reading Docker's response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void feed(InputStream stdin, OutputStream toDocker, Connection channel) {
        try (stdin) {
            stdin.transferTo(toDocker);
            toDocker.flush();
            channel.shutdownOutput();
        } catch (IOException e) {
            // the command exited before reading all of its input, or the input broke off: either way the command
            // gets no more, and its exit code tells the caller; without EOF it would wait for more forever
            try {
                channel.shutdownOutput();
            } catch (IOException alreadyClosed) {
                // the command is gone
            }
        }
    }

    /** Docker multiplexes both streams as frames: 1 byte stream id, 3 padding, 4 bytes length. */
    static void demultiplex(DataInputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        byte[] header = new byte[8];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException end) {
                return;
            }
            int length = ((header[4] & 255) << 24) | ((header[5] & 255) << 16) | ((header[6] & 255) << 8) | (header[7] & 255);
            byte[] payload = new byte[length];
            in.readFully(payload);
            (header[0] == 2 ? stderr : stdout).write(payload);
        }
    }

    /** A connection to the engine whose write side can be shut down alone: EOF for the command's stdin. */
    private interface Connection extends Closeable {
        InputStream input() throws IOException;

        OutputStream output() throws IOException;

        void shutdownOutput() throws IOException;
    }

    /** TLS: shutting the output down sends close_notify, which Docker reads as the end of stdin (TLS 1.3). */
    private record SocketConnection(SSLSocket socket) implements Connection {
        @Override
        public InputStream input() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream output() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /*
     * The JDK's Channels streams share one lock for reading and writing a blocking channel, so a
     * feeder thread writing stdin would wait for the reader; these adapters read and write the
     * channel directly, which it allows concurrently.
     */
    private record ChannelConnection(SocketChannel channel) implements Connection {
        @Override
        public InputStream input() {
            return new ChannelInput(channel);
        }

        @Override
        public OutputStream output() {
            return new ChannelOutput(channel);
        }

        @Override
        public void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 255;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return channel.read(ByteBuffer.wrap(buffer, offset, length));
        }
    }

    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
