package dev.kindj.config;

import java.util.List;
import java.util.Optional;

/** Wording of warnings that both the YAML reader and the builder give. */
final class Warnings {
    private Warnings() {
    }

    /** etcd needs a majority of its members: an even count tolerates no more failures than one fewer does. */
    static Optional<String> evenControlPlanes(List<NodeConfig> nodes) {
        long controlPlanes = nodes.stream().filter(node -> node != null && node.role() == NodeRole.CONTROL_PLANE).count();
        if (controlPlanes < 2 || controlPlanes % 2 != 0) {
            return Optional.empty();
        }
        return Optional.of("nodes: " + controlPlanes + " control-plane nodes survive no more failures than "
                + (controlPlanes - 1) + " (etcd needs a majority of them); use an odd number");
    }
}
