package dev.kindj.internal.provision.node;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A file to place inside a node container: absolute path, content and Unix permission bits. */
public record NodeFile(String path, byte[] content, int mode) {

    /** Permission bits for private keys and credentials. */
    public static final int PRIVATE = 0600;
    /** Permission bits for certificates and ordinary configuration. */
    public static final int PUBLIC = 0644;

    public NodeFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("node file path must be absolute: " + path);
        }
    }

    public static NodeFile text(String path, String content, int mode) {
        return new NodeFile(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }
}
