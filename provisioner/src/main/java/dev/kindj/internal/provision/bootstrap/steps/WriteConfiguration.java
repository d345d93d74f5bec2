package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ComponentFiles;
import dev.kindj.internal.provision.bootstrap.components.ControlPlaneUnits;
import dev.kindj.internal.provision.bootstrap.components.NodeSettings;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies each added node's certificates, kubeconfigs and component arguments into it, all nodes at once; on control
 * planes the control-plane components' files belong to the cluster's control-plane user.
 */
public final class WriteConfiguration implements CreationStep {

    /** The node image records which cgroup driver its containerd uses; the kubelet must match it. */
    static final String CGROUP_DRIVER_FILE = "/etc/kindj/cgroup-driver";

    @Override
    public String title() {
        return "Writing configuration";
    }

    @Override
    public void run(CreationContext context) {
        context.forEach(context.addedNodes(), node -> writeTo(context, node, settings(context.provider(), node.name())));
    }

    /** What the node's image says about itself; nodes may have different images. */
    private static NodeSettings settings(NodeProvider provider, String nodeName) {
        return new NodeSettings(new String(provider.copyOut(nodeName, CGROUP_DRIVER_FILE), StandardCharsets.UTF_8).strip());
    }

    private static void writeTo(CreationContext context, PlannedNode node, NodeSettings settings) {
        List<NodeFile> files = new ArrayList<>(context.pki().filesFor(node.name()));
        files.addAll(ComponentFiles.forNode(context.plan(), node, settings));
        if (!node.isControlPlane()) {
            context.provider().copyIn(node.name(), files);
            return;
        }
        context.provider().copyIn(node.name(), ControlPlaneUnits.owned(context.plan(), files));
        context.provider().exec(node.name(), ControlPlaneUnits.setUpCommand(context.plan()), null).orThrow(node.name());
    }
}
