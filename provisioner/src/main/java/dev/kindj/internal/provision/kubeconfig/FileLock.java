package dev.kindj.internal.provision.kubeconfig;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The lock kubectl and client-go take on a kubeconfig: a sibling file {@code <name>.lock} created
 * exclusively and deleted afterwards. Taking the same lock keeps concurrent kindj runs and kubectl
 * from losing each other's edits.
 */
final class FileLock implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Path lockFile;

    private FileLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    static FileLock acquire(Path kubeconfig) throws IOException {
        Path file = kubeconfig.toAbsolutePath();
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                Files.createFile(lockFile);
                return new FileLock(lockFile);
            } catch (FileAlreadyExistsException held) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException(lockFile + " has been held for " + TIMEOUT.toSeconds()
                            + " s; if no kubectl or kindj is running, delete it and retry", held);
                }
                sleep();
            }
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the kubeconfig lock", e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(lockFile);
    }
}
