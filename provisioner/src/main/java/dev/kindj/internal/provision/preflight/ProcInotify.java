package dev.kindj.internal.provision.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads root's inotify budget from a proc filesystem: the per-user limit, and the instances open now, counted as the
 * {@code anon_inode:inotify} file descriptors of every process the user owns. An instance shared by several
 * descriptors (after fork or dup) counts once per descriptor, so the count errs on the safe side.
 */
public final class ProcInotify {

    private static final String INOTIFY_LINK = "anon_inode:inotify";

    private final Path proc;

    /** @param proc where procfs is mounted, {@code /proc} on a real host */
    public ProcInotify(Path proc) {
        this.proc = proc;
    }

    /** The limit and what {@code uid} holds; missing when this process may not look at that user's processes. */
    public Reading<HostReadings.InotifyUse> read(int uid) {
        try {
            int self = (int) Files.getAttribute(proc.resolve("self"), "unix:uid");
            if (self != 0 && self != uid) {
                return Reading.missing("kindj runs as uid " + self + " and cannot see the open files of uid " + uid
                        + "'s processes");
            }
            int limit = Integer.parseInt(ProcFiles.firstLine(proc.resolve("sys/fs/inotify/max_user_instances")));
            return Reading.of(new HostReadings.InotifyUse(limit, instances(uid)));
        } catch (IOException | UncheckedIOException e) {
            return Reading.missing("cannot read " + proc + ": " + e.getMessage());
        }
    }

    private int instances(int uid) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, ProcInotify::isProcess)) {
            for (Path process : processes) {
                count += instancesOf(process, uid);
            }
        }
        return count;
    }

    private static int instancesOf(Path process, int uid) {
        int count = 0;
        try {
            if ((int) Files.getAttribute(process, "unix:uid") != uid) {
                return 0;
            }
            try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
                for (Path descriptor : descriptors) {
                    if (Files.readSymbolicLink(descriptor).toString().equals(INOTIFY_LINK)) {
                        count++;
                    }
                }
            }
        } catch (IOException ended) {
            // the process (or the descriptor) went away while we looked: it holds nothing now
        }
        return count;
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
