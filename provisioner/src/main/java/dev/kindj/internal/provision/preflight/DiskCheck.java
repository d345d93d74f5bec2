package dev.kindj.internal.provision.preflight;

import dev.kindj.internal.provision.preflight.HostReadings.Engine;
import java.util.Locale;

/**
 * Each node copies the image's /var into a volume and grows it with etcd, logs and loaded images; a full disk stops
 * containerd and the kubelet halfway through creation.
 */
final class DiskCheck extends PreflightCheck {

    /**
     * Right after creation a control plane's writable layer plus /var volume held 0.41 GB and a worker's 0.26 GB
     * (BENCHMARKS.md); a node is given about 2.5 times that for what tests load and log.
     */
    static final long NODE_BYTES = 1L << 30;

    DiskCheck() {
        super("disk space");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        Reading<Engine> engine = host.engine();
        Reading<Long> free = host.freeBytes();
        if (!free.isPresent() || !engine.isPresent()) {
            return skipped(free.isPresent() ? engine.whyMissing() : free.whyMissing());
        }
        long need = demand.nodes() * NODE_BYTES;
        String numbers = gib(free.value()) + " free under " + engine.value().rootDir() + "; "
                + demand.nodesNeed() + " " + gib(need) + " (" + gib(NODE_BYTES) + " per node)";
        if (free.value() < need) {
            return fail(numbers + ": short by " + gib(need - free.value()),
                    "free space there: delete clusters you no longer use, and unused images and volumes"
                            + " (docker system prune)");
        }
        return ok(numbers);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
