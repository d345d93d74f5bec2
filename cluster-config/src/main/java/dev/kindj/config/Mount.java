package dev.kindj.config;

/**
 * A host path bind-mounted into a node container; kind's {@code extraMounts} entry.
 *
 * @param propagation null means {@link MountPropagation#NONE}
 */
public record Mount(String hostPath, String containerPath, boolean readOnly, boolean selinuxRelabel,
                    MountPropagation propagation) {

    public Mount {
        propagation = propagation == null ? MountPropagation.NONE : propagation;
    }

    /** A read-write mount without relabelling or propagation. */
    public static Mount of(String hostPath, String containerPath) {
        return new Mount(hostPath, containerPath, false, false, MountPropagation.NONE);
    }
}
