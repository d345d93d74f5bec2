package dev.kindj.internal.provision.preflight;

import java.util.Map;

/**
 * Inotify instances a running node's root processes hold, per process, as measured on a cluster of one control plane
 * and one worker (BENCHMARKS.md, "inotify per node"). Left out as they count against other users: dbus-daemon's one
 * (messagebus) and the control-plane components' (the cluster's control-plane user, see ControlPlaneUnits). Measure
 * again and change these when node processes change.
 */
public final class NodeInotifyUse {

    /** The kubelet's: cAdvisor's two, the plugin registry's and the client CA file's. */
    static final Map<String, Integer> WORKER_PROCESSES = Map.of(
            "kubelet", 4,
            "systemd", 3,
            "containerd", 1,
            "kube-proxy", 1);
    static final Map<String, Integer> CONTROL_PLANE_PROCESSES = WORKER_PROCESSES;

    /** Root's instances per control plane (9). */
    public static final int CONTROL_PLANE = sum(CONTROL_PLANE_PROCESSES);
    /** Root's instances per worker (9). */
    public static final int WORKER = sum(WORKER_PROCESSES);

    private NodeInotifyUse() {
    }

    static int of(Demand demand) {
        return demand.controlPlanes() * CONTROL_PLANE + demand.workers() * WORKER;
    }

    private static int sum(Map<String, Integer> perProcess) {
        return perProcess.values().stream().mapToInt(Integer::intValue).sum();
    }
}
