package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.BootFiles;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a Kubernetes node gets before its first start: its certificates and kubeconfigs, its components' arguments
 * and configuration ({@link ComponentFiles#forBoot}), its node agents' drop-ins ({@link NodeAgentUnits}), on control
 * planes the control-plane user and the files it owns, and containerd's configuration with the cluster's patches, so
 * that containerd starts with them.
 */
public final class NodeBootFiles {

    /** The node image records which cgroup driver its containerd uses; the kubelet must match it. */
    static final String CGROUP_DRIVER_FILE = "/etc/kindj/cgroup-driver";

    private NodeBootFiles() {}

    /** @param certificates the node's certificates and kubeconfigs, asked for once the container exists */
    public static BootFiles forNode(ClusterPlan plan, PlannedNode node, Supplier<List<NodeFile>> certificates) {
        return imageFile -> {
            NodeSettings settings = new NodeSettings(text(imageFile, CGROUP_DRIVER_FILE));
            List<NodeFile> files = new ArrayList<>(certificates.get());
            files.addAll(ComponentFiles.forBoot(plan, node, settings));
            files.addAll(NodeAgentUnits.dropIns());
            if (node.isControlPlane()) {
                files = new ArrayList<>(ControlPlaneUnits.owned(plan, files));
                files.addAll(ControlPlaneUnits.userEntries(plan, imageFile));
            }
            if (ContainerdConfig.hasPatches(plan.config())) {
                String patched = ContainerdConfig.patched(text(imageFile, ContainerdConfig.PATH), plan.config());
                files.add(NodeFile.text(ContainerdConfig.PATH, patched, NodeFile.PUBLIC));
            }
            return files;
        };
    }

    private static String text(Function<String, byte[]> imageFile, String path) {
        return new String(imageFile.apply(path), StandardCharsets.UTF_8);
    }
}
