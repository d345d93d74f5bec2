package dev.kindj.internal.provision.preflight;

import java.util.Map;

/**
 * Inotify instances a running node's root processes hold, per process, as measured on a cluster of one control plane
 * and one worker (BENCHMARKS.md, "inotify per node"). Left out as they count against other users: dbus-daemon's one
 * (messagebus) and the control-plane components' (the cluster's control-plane user, see ControlPlaneUnits). kube-proxy
 * holds none, as it runs without a config file, unless kubeadm patches give it one. Measure again and change these
 * when node processes change.
 */
public final class NodeInotifyUse {

    /**
     * The kubelet's: cAdvisor's two (one never given a watch), the plugin registry's and the client CA file's;
     * systemd's (PID 1): cgroup-empty notifications, /etc/localtime and the mount table's /run/mount; containerd's:
     * the CNI config directory.
     */
    static final Map<String, Integer> WORKER_PROCESSES = Map.of(
            "kubelet", 4,
            "systemd", 3,
            "containerd", 1);
    static final Map<String, Integer> CONTROL_PLANE_PROCESSES = WORKER_PROCESSES;
    /** A kube-proxy given a config file watches it. */
    static final int KUBE_PROXY_CONFIG_FILE = 1;

    /** Root's instances per control plane (8). */
    public static final int CONTROL_PLANE = sum(CONTROL_PLANE_PROCESSES);
    /** Root's instances per worker (8). */
    public static final int WORKER = sum(WORKER_PROCESSES);
    /**
     * The control-plane user's, per control plane: kube-apiserver's (client CA and front-proxy CA twice each, serving
     * and front-proxy-client certificate) and the leading kube-controller-manager's (its signers' CA files, client
     * CA, front-proxy CA, FlexVolume directory); etcd and kube-scheduler hold none.
     */
    static final Map<String, Integer> CONTROL_PLANE_USER_PROCESSES = Map.of(
            "kube-apiserver", 6,
            "kube-controller-manager", 6);
    /** The control-plane user's instances per control plane (12). */
    public static final int CONTROL_PLANE_USER = sum(CONTROL_PLANE_USER_PROCESSES);

    private NodeInotifyUse() {
    }

    static int of(Demand demand) {
        return demand.controlPlanes() * CONTROL_PLANE + demand.workers() * WORKER
                + demand.kubeProxyConfigFiles() * KUBE_PROXY_CONFIG_FILE;
    }

    private static int sum(Map<String, Integer> perProcess) {
        return perProcess.values().stream().mapToInt(Integer::intValue).sum();
    }
}
