package dev.kindj.internal.provision.preflight;

import java.util.List;

/**
 * Nodes get every capability the engine can grant. Some they cannot do without: systemd, containerd and the pod
 * network need SYS_ADMIN and NET_ADMIN, and containerd hands every pod Docker's default set, which it must hold.
 */
final class CapabilityCheck extends PreflightCheck {

    static final List<String> REQUIRED = List.of("SYS_ADMIN", "NET_ADMIN",
            // Docker's (and containerd's) default set for containers
            "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP",
            "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

    CapabilityCheck() {
        super("capabilities");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        Reading<List<String>> ungrantable = host.ungrantableCapabilities();
        if (!ungrantable.isPresent()) {
            return skipped(ungrantable.whyMissing());
        }
        List<String> missing = REQUIRED.stream().filter(ungrantable.value()::contains).toList();
        if (!missing.isEmpty()) {
            return fail("the engine cannot grant " + String.join(", ", missing) + " ("
                    + missing.size() + " of the " + REQUIRED.size() + " nodes need): the host's capability bounding"
                    + " set lacks them", "run Docker on a host, VM or container whose capability bounding set"
                            + " includes them");
        }
        return ok(ungrantable.value().isEmpty() ? "the engine can grant every capability"
                : "every capability nodes need; not " + String.join(", ", ungrantable.value())
                        + ", which nodes do without");
    }
}
