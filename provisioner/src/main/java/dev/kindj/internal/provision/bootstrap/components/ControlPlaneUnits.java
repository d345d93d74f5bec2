package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.ControlPlaneUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a control plane's etcd, kube-apiserver, kube-controller-manager and kube-scheduler as the cluster's
 * {@link ControlPlaneUser}, as kubeadm's RootlessControlPlane does: a systemd drop-in per unit, and the files these
 * components read owned by that user. Their inotify instances (they watch their certificate files) then stop counting
 * against root's host-wide budget, which every node's kubelet, containerd and systemd share.
 */
public final class ControlPlaneUnits {

    private static final String DROP_IN = "kindj-user.conf";
    /**
     * Go's collector target for the control plane's processes: a heap may grow to 1.5x its live data between
     * collections, not Go's default 2x. A fresh one-node cluster takes 62 MiB less (the API server alone keeps about
     * 100 MiB live), and what churn adds (watch caches, Events) grows a node by 1.5x, not 2x, of itself; the collector
     * runs twice as often, which costs a second or two of a creation (BENCHMARKS.md, "Memory after churn").
     */
    static final int GOGC = 50;
    /** The user's name in a node's /etc/passwd; systemd runs units only as users it can look up. */
    static final String USER_NAME = "kindj-control-plane";
    /** The kubeconfigs of the components that run as the user; the kubelet's and the admins' stay root's. */
    private static final Set<String> OWNED_KUBECONFIGS =
            Set.of(PkiPaths.CONTROLLER_MANAGER_KUBECONFIG, PkiPaths.SCHEDULER_KUBECONFIG);

    private ControlPlaneUnits() {}

    /** A drop-in per control-plane unit, read by systemd at the node's boot. */
    public static List<NodeFile> dropIns(ClusterPlan plan) {
        int uid = plan.controlPlaneUid();
        // systemd creates etcd's data directory for the user, 0700, and hands it over again should its owner differ
        String etcdDataDir = EtcdFiles.DATA_DIR.substring("/var/lib/".length());
        return List.of(
                dropIn("etcd", uid, "StateDirectory=" + etcdDataDir + "\nStateDirectoryMode=0700\n"),
                // the audit log directory of kind's auditing guide, which a non-root kube-apiserver cannot create
                dropIn("kube-apiserver", uid, "LogsDirectory=kubernetes\n"),
                dropIn("kube-controller-manager", uid, ""),
                dropIn("kube-scheduler", uid, ""));
    }

    /**
     * The image's /etc/passwd and /etc/group with the user and its group added, written before the node's first start
     * (as {@code useradd --system} would add them, without home or login).
     *
     * @param imageFile reads a file of the node's image
     */
    public static List<NodeFile> userEntries(ClusterPlan plan, Function<String, byte[]> imageFile) {
        int uid = plan.controlPlaneUid();
        return List.of(
                appended(imageFile, "/etc/passwd", USER_NAME + ":x:" + uid + ":" + uid + "::/nonexistent:/usr/sbin/nologin"),
                appended(imageFile, "/etc/group", USER_NAME + ":x:" + uid + ":"));
    }

    private static NodeFile appended(Function<String, byte[]> imageFile, String path, String line) {
        String text = new String(imageFile.apply(path), StandardCharsets.UTF_8);
        return NodeFile.text(path, text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n", NodeFile.PUBLIC);
    }

    /** The files with the control plane's certificates, keys and the components' kubeconfigs given to the user. */
    public static List<NodeFile> owned(ClusterPlan plan, List<NodeFile> files) {
        return files.stream()
                .map(file -> isOwned(file.path()) ? file.ownedBy(plan.controlPlaneUid()) : file)
                .toList();
    }

    private static boolean isOwned(String path) {
        return path.startsWith(PkiPaths.PKI_DIR + "/") || OWNED_KUBECONFIGS.contains(path);
    }

    /** Where systemd reads a drop-in of that name for the unit (a service). */
    static String dropInPath(String unit, String fileName) {
        return "/etc/systemd/system/" + unit + ".service.d/" + fileName;
    }

    private static NodeFile dropIn(String unit, int uid, String extra) {
        return NodeFile.text(dropInPath(unit, DROP_IN),
                "# kindj: runs as the cluster's control-plane user, not root (see ControlPlaneUser)\n"
                        + "[Service]\nUser=" + uid + "\nGroup=" + uid + "\nEnvironment=GOGC=" + GOGC + "\n" + extra,
                NodeFile.PUBLIC);
    }
}
