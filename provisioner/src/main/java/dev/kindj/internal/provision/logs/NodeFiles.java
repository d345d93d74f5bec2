package dev.kindj.internal.provision.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** What Docker itself knows of one node container, and its log folders, copied to the node's export folder. */
final class NodeFiles {

    private static final String LOG_DIR = "/var/log/";

    private final DockerClient docker;
    private final String node;
    private final Path nodeDir;

    NodeFiles(DockerClient docker, String node, Path nodeDir) {
        this.docker = docker;
        this.node = node;
        this.nodeDir = nodeDir;
    }

    void writeInspect() throws IOException {
        // empty objects, as Docker itself writes them for exposed ports and volumes
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        ClusterLogs.write(nodeDir.resolve("docker-inspect.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(docker.inspectContainerCmd(node).exec()));
    }

    /** The container's console: the entrypoint's messages and systemd's boot. */
    void writeContainerOutput() throws IOException {
        Files.createDirectories(nodeDir);
        try (OutputStream out = Files.newOutputStream(nodeDir.resolve("container-output.log"))) {
            docker.logContainerCmd(node).withStdOut(true).withStdErr(true).withTimestamps(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            try {
                                out.write(frame.getPayload());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the output of " + node, e);
        }
    }

    /**
     * Copies {@code /var/log/NAME} to {@code var/log/NAME} under the node's folder. The kubelet's links in
     * /var/log/containers point into /var/log/pods by absolute path; they become relative, so they resolve in the
     * copy.
     */
    void copyLogDirectory(String name) throws IOException {
        Path logDir = nodeDir.resolve("var/log");
        try (InputStream archive = docker.copyArchiveFromContainerCmd(node, LOG_DIR + name).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = logDir.resolve(entry.getName()).normalize();
                if (!target.startsWith(logDir)) {
                    continue; // an entry naming a path outside the folder: never write there
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    link(target, entry.getLinkName(), logDir);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        if (target.getFileName().toString().endsWith(".log")) {
                            PrivateKeys.copy(tar, out);
                        } else {
                            tar.transferTo(out);
                        }
                    }
                }
            }
        } catch (NotFoundException noSuchFolder) {
            // no pods ever ran on this node
        }
    }

    private static void link(Path link, String target, Path logDir) throws IOException {
        if (!target.startsWith(LOG_DIR)) {
            return;
        }
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, link.getParent().relativize(logDir.resolve(target.substring(LOG_DIR.length()))));
    }
}
