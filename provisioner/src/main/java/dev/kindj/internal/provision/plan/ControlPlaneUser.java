package dev.kindj.internal.provision.plan;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The user id a cluster's control-plane components (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)
 * run as, one per cluster. The kernel counts inotify instances per user id across the whole host, and nodes have no
 * user namespace, so every root process of every node shares root's {@code fs.inotify.max_user_instances}; these
 * components hold about half of a control plane's instances and count against their cluster's own user instead.
 *
 * <p>The ids lie in {@code 0x70000000..0x70FFFFFF}, inside the range 1879048192..2147352575 that systemd's
 * "Users, Groups, UIDs and GIDs" leaves unused: above the users distributions create (below 65536), the
 * {@code /etc/subuid} blocks handed out from 100000 on and systemd-nspawn's container ranges (up to 1879048191),
 * below systemd's foreign range ({@code 0x7FFE0000}) and below 2^31, which tools reading ids as signed numbers get
 * wrong. So no user of the host shares a budget, or files, with them. A cluster's id comes from a hash of its name:
 * two clusters on one host share one only by a 1 in 16.7 million chance, and then just share that user's budget.
 */
public final class ControlPlaneUser {

    static final int FIRST = 0x7000_0000;
    static final int COUNT = 1 << 24;

    private ControlPlaneUser() {
    }

    public static int forCluster(String clusterName) {
        CRC32 crc = new CRC32();
        crc.update(clusterName.getBytes(StandardCharsets.UTF_8));
        return FIRST + (int) (crc.getValue() % COUNT);
    }
}
