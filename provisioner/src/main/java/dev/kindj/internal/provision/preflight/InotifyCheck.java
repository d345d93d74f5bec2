package dev.kindj.internal.provision.preflight;

import dev.kindj.internal.provision.preflight.HostReadings.InotifyUse;

/**
 * A node's processes run as root (all but dbus-daemon), and {@code fs.inotify.max_user_instances} counts per user
 * across the whole host: the nodes of every cluster share root's budget with the host's own root processes. A node that runs out
 * fails later with "too many open files" from its kubelet or containerd, which says nothing about why.
 */
final class InotifyCheck extends PreflightCheck {

    InotifyCheck() {
        super("inotify instances");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        Reading<InotifyUse> reading = host.inotify();
        if (!reading.isPresent()) {
            return skipped(reading.whyMissing());
        }
        InotifyUse use = reading.value();
        int need = NodeInotifyUse.of(demand);
        String numbers = use.inUse() + " of root's " + use.limit() + " in use (fs.inotify.max_user_instances), "
                + use.free() + " free; " + demand.nodesNeed() + " " + need + " (" + perNode() + ")";
        if (need > use.free()) {
            return fail(numbers + ": short by " + (need - use.free()),
                    "delete clusters you no longer use (kindj get clusters; kindj delete cluster --name NAME): each"
                            + " frees " + perNode() + ". Raising fs.inotify.max_user_instances is a host-wide"
                            + " setting for the host's owner to decide; kindj never changes it");
        }
        int left = use.free() - need;
        if (left < NodeInotifyUse.CONTROL_PLANE) {
            return warn(numbers + "; afterwards " + left + " are left, too few for another control plane");
        }
        return ok(numbers);
    }

    private static String perNode() {
        return NodeInotifyUse.CONTROL_PLANE + " per control plane, " + NodeInotifyUse.WORKER + " per worker";
    }
}
