package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ClusterObjects;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.List;

/** Creates the RBAC bindings kubeadm would, and CoreDNS, through the first control plane. */
public final class ApplyClusterObjects implements CreationStep {

    static final String MANIFEST = "/etc/kindj/manifests/cluster-objects.yaml";

    @Override
    public String title() {
        return "Installing cluster objects (RBAC, CoreDNS)";
    }

    @Override
    public void run(CreationContext context) {
        String node = context.plan().firstControlPlane().name();
        context.provider().copyIn(node, List.of(NodeFile.text(MANIFEST, ClusterObjects.yaml(context.plan()), NodeFile.PUBLIC)));
        context.kubectl().output("apply", "--server-side", "-f", MANIFEST);
    }
}
