package dev.kindj.internal.provision.node;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A file to place inside a node container: absolute path, content, Unix permission bits and owner (user and group id). */
public record NodeFile(String path, byte[] content, int mode, int owner) {

    /** Permission bits for private keys and credentials. */
    public static final int PRIVATE = 0600;
    /** Permission bits for certificates and ordinary configuration. */
    public static final int PUBLIC = 0644;
    static final int ROOT = 0;

    public NodeFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("node file path must be absolute: " + path);
        }
    }

    /** A file owned by root. */
    public NodeFile(String path, byte[] content, int mode) {
        this(path, content, mode, ROOT);
    }

    public static NodeFile text(String path, String content, int mode) {
        return new NodeFile(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** The same file owned by that user id and the group id of the same number. */
    public NodeFile ownedBy(int uid) {
        return new NodeFile(path, content, mode, uid);
    }
}
