package dev.kindj.internal.provision.preflight;

import dev.kindj.internal.provision.preflight.HostReadings.InotifyUse;

/**
 * A cluster's control-plane components run as the cluster's own user (see ControlPlaneUser), whose
 * {@code fs.inotify.max_user_instances} they share only with the cluster's other control planes: a cluster with more
 * control planes than that budget holds fails later with "too many open files" from an API server.
 */
final class ControlPlaneUserInotifyCheck extends PreflightCheck {

    ControlPlaneUserInotifyCheck() {
        super("control-plane user's inotify instances");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        if (demand.controlPlanes() == 0) {
            return ok("no control plane added");
        }
        Reading<InotifyUse> reading = host.inotify(demand.controlPlaneUid());
        if (!reading.isPresent()) {
            return skipped(reading.whyMissing());
        }
        InotifyUse use = reading.value();
        int need = demand.controlPlanes() * NodeInotifyUse.CONTROL_PLANE_USER;
        String numbers = use.inUse() + " of uid " + demand.controlPlaneUid() + "'s " + use.limit() + " in use, "
                + use.free() + " free; " + Demand.count(demand.controlPlanes(), "control plane")
                + (demand.controlPlanes() == 1 ? " needs " : " need ") + need + " ("
                + NodeInotifyUse.CONTROL_PLANE_USER + " each)";
        if (need > use.free()) {
            return fail(numbers + ": short by " + (need - use.free()),
                    "give the cluster at most " + use.limit() / NodeInotifyUse.CONTROL_PLANE_USER + " control planes"
                            + " in all; processes of uid " + demand.controlPlaneUid() + " left by a cluster of the same"
                            + " name (kindj get clusters) also count");
        }
        return ok(numbers);
    }
}
