package dev.kindj.internal.provision.bootstrap.components;

/**
 * What component files depend on that is read from a running node rather than planned.
 *
 * @param cgroupDriver the node image's {@code /etc/kindj/cgroup-driver}: {@code systemd} or {@code cgroupfs}; the
 *     kubelet must use the driver containerd was configured with
 */
public record NodeSettings(String cgroupDriver) {

    public NodeSettings {
        cgroupDriver = cgroupDriver == null ? null : cgroupDriver.strip();
        if (!"systemd".equals(cgroupDriver) && !"cgroupfs".equals(cgroupDriver)) {
            throw new IllegalArgumentException("the cgroup driver must be systemd or cgroupfs, not '" + cgroupDriver + "'");
        }
    }
}
