package dev.kindj.internal.provision.preflight;

import java.util.Map;

/**
 * Inotify instances a running node's root processes hold, per process, as measured on a cluster of one control plane
 * and one worker (BENCHMARKS.md, "inotify per node"). dbus-daemon's one instance per node is left out: it runs as
 * messagebus, so it counts against that user and not root. Measure again and change these when node processes change.
 */
public final class NodeInotifyUse {

    static final Map<String, Integer> CONTROL_PLANE_PROCESSES = Map.of(
            "kube-controller-manager", 7,
            "kubelet", 6,
            "kube-apiserver", 6,
            "systemd", 3,
            "containerd", 2,
            "kube-proxy", 1);
    static final Map<String, Integer> WORKER_PROCESSES = Map.of(
            "kubelet", 6,
            "systemd", 3,
            "containerd", 2,
            "kube-proxy", 1);

    /** Root's instances per control plane (25). */
    public static final int CONTROL_PLANE = sum(CONTROL_PLANE_PROCESSES);
    /** Root's instances per worker (12). */
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
