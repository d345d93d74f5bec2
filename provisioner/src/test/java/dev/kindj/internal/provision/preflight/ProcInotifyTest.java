package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Root's budget read from a proc tree made of files and symlinks, owned by whoever runs the test. */
class ProcInotifyTest {

    @TempDir
    Path proc;
    private int owner;

    @BeforeEach
    void procTree() throws IOException {
        Files.createDirectories(proc.resolve("sys/fs/inotify"));
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), "128\n");
        process(1, "anon_inode:inotify", "anon_inode:inotify", "/dev/null", "socket:[123]");
        process(4242, "anon_inode:inotify", "anon_inode:[eventpoll]");
        process(77);
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("net"));
        owner = (int) Files.getAttribute(proc, "unix:uid");
    }

    private void process(int pid, String... links) throws IOException {
        Path fd = Files.createDirectories(proc.resolve(pid + "/fd"));
        for (int i = 0; i < links.length; i++) {
            Files.createSymbolicLink(fd.resolve(Integer.toString(i)), Path.of(links[i]));
        }
    }

    @Test
    void countsTheInotifyDescriptorsOfTheUsersProcesses() {
        Reading<HostReadings.InotifyUse> reading = new ProcInotify(proc).read(owner);

        assertThat(reading.value()).isEqualTo(new HostReadings.InotifyUse(128, 3));
    }

    @Test
    void processesOfOtherUsersDoNotCount() {
        if (owner == 0) {
            // root may look at every user's processes; none here belongs to uid 1
            assertThat(new ProcInotify(proc).read(1).value()).isEqualTo(new HostReadings.InotifyUse(128, 0));
        } else {
            assertThat(new ProcInotify(proc).read(0).whyMissing()).contains("cannot see the open files of uid 0");
        }
    }
}
