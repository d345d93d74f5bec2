package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.model.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The capabilities a local Docker daemon cannot grant. A privileged container asks for every
 * capability; where the host's bounding set lacks some (CAP_SYS_RESOURCE on some CI hosts), the
 * daemon refuses it, so nodes ask for ALL minus exactly these instead.
 */
final class GrantableCapabilities {

    /** Linux capability numbers in order (linux/capability.h). */
    private static final Capability[] BY_NUMBER = {
        Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.DAC_READ_SEARCH, Capability.FOWNER,
        Capability.FSETID, Capability.KILL, Capability.SETGID, Capability.SETUID, Capability.SETPCAP,
        Capability.LINUX_IMMUTABLE, Capability.NET_BIND_SERVICE, Capability.NET_BROADCAST,
        Capability.NET_ADMIN, Capability.NET_RAW, Capability.IPC_LOCK, Capability.IPC_OWNER,
        Capability.SYS_MODULE, Capability.SYS_RAWIO, Capability.SYS_CHROOT, Capability.SYS_PTRACE,
        Capability.SYS_PACCT, Capability.SYS_ADMIN, Capability.SYS_BOOT, Capability.SYS_NICE,
        Capability.SYS_RESOURCE, Capability.SYS_TIME, Capability.SYS_TTY_CONFIG, Capability.MKNOD,
        Capability.LEASE, Capability.AUDIT_WRITE, Capability.AUDIT_CONTROL, Capability.SETFCAP,
        Capability.MAC_OVERRIDE, Capability.MAC_ADMIN, Capability.SYSLOG, Capability.WAKE_ALARM,
        Capability.BLOCK_SUSPEND, Capability.AUDIT_READ, Capability.PERFMON, Capability.BPF,
        Capability.CHECKPOINT_RESTORE,
    };

    private GrantableCapabilities() {
    }

    /** Capabilities missing from this host's bounding set, which a local daemon shares. */
    static List<Capability> missingOnThisHost() {
        return boundingSet().map(GrantableCapabilities::missingFrom).orElse(List.of());
    }

    static List<Capability> missingFrom(long boundingSet) {
        List<Capability> missing = new ArrayList<>();
        for (int bit = 0; bit < BY_NUMBER.length; bit++) {
            if ((boundingSet & (1L << bit)) == 0) {
                missing.add(BY_NUMBER[bit]);
            }
        }
        return missing;
    }

    private static Optional<Long> boundingSet() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapBnd:"))
                    .map(line -> Long.parseUnsignedLong(line.substring("CapBnd:".length()).strip(), 16))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
