package dev.kindj.internal.provision.logs;

import dev.kindj.internal.provision.node.NodeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** What the engine itself knows of one node container, and its log folders, copied to the node's export folder. */
final class NodeFiles {

    private static final String LOG_DIR = "/var/log/";

    private final NodeProvider provider;
    private final String node;
    private final Path nodeDir;

    NodeFiles(NodeProvider provider, String node, Path nodeDir) {
        this.provider = provider;
        this.node = node;
        this.nodeDir = nodeDir;
    }

    void writeInspect() throws IOException {
        ClusterLogs.write(nodeDir.resolve("docker-inspect.json"), provider.inspectNode(node));
    }

    /** The container's console: the entrypoint's messages and systemd's boot. */
    void writeContainerOutput() throws IOException {
        Files.createDirectories(nodeDir);
        try (OutputStream out = Files.newOutputStream(nodeDir.resolve("container-output.log"))) {
            provider.copyConsole(node, out);
        }
    }

    /**
     * Copies {@code /var/log/NAME} to {@code var/log/NAME} under the node's folder. The kubelet's links in
     * /var/log/containers point into /var/log/pods by absolute path; they become relative, so they resolve in the
     * copy.
     */
    void copyLogDirectory(String name) throws IOException {
        Path logDir = nodeDir.resolve("var/log");
        Optional<InputStream> directory = provider.copyDirectoryOut(node, LOG_DIR + name);
        if (directory.isEmpty()) {
            return; // no pods ever ran on this node
        }
        try (InputStream archive = directory.get(); TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
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
