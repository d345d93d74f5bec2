package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.NodeFile;
import java.util.List;

/**
 * Every node's containerd, kubelet and kube-proxy run with Go's collector at {@link ControlPlaneUnits#GOGC}, as the
 * control plane does: under pod churn about half of a cluster's growth was these agents' heaps (BENCHMARKS.md, "Merged
 * main: creation, memory and the 10-minute soak"). A drop-in per unit, read at the node's first boot.
 */
public final class NodeAgentUnits {

    private static final String DROP_IN = "kindj-gogc.conf";
    private static final List<String> UNITS = List.of("containerd", "kubelet", "kube-proxy");

    private NodeAgentUnits() {}

    public static List<NodeFile> dropIns() {
        return UNITS.stream().map(unit -> NodeFile.text(ControlPlaneUnits.dropInPath(unit, DROP_IN),
                "# kindj: a smaller heap between collections (see NodeAgentUnits)\n[Service]\nEnvironment=GOGC="
                        + ControlPlaneUnits.GOGC + "\n", NodeFile.PUBLIC)).toList();
    }
}
