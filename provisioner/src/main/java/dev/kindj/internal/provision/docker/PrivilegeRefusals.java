package dev.kindj.internal.provision.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engines known to refuse {@code --privileged}, remembered across processes in the user's cache directory. Learning
 * it costs a node container made and thrown away (its /var volume filled, about a second), which every create would
 * otherwise pay again. An engine is known by its ID, version and kernel, so an upgraded engine or a new kernel is asked
 * again; a refusal that no longer holds only keeps nodes on explicit capabilities, which work everywhere.
 */
final class PrivilegeRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(PrivilegeRefusals.class);

    private final Path directory;

    PrivilegeRefusals(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/kindj/privilege-refusals}, {@code ~/.cache/...} without it. */
    static PrivilegeRefusals inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new PrivilegeRefusals(cache.resolve("kindj").resolve("privilege-refusals"));
    }

    /** The file name for an engine: a digest, since engine IDs hold characters not every file system takes. */
    static String engineKey(String id, String version, String kernel) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((id + "\n" + version + "\n" + kernel).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    boolean refused(String engineKey) {
        return Files.exists(directory.resolve(engineKey));
    }

    /** Remembers a refusal; a cache that cannot be written costs only the speed-up. */
    void remember(String engineKey) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(engineKey), "refuses --privileged\n");
        } catch (IOException e) {
            LOG.debug("cannot remember that the engine refuses --privileged in {}: {}", directory, e.getMessage());
        }
    }
}
