package dev.kindj.provision.bootstrap.steps;

import dev.kindj.provision.bootstrap.CreationContext;
import dev.kindj.provision.bootstrap.CreationStep;
import dev.kindj.provision.bootstrap.components.ComponentFiles;
import dev.kindj.provision.bootstrap.components.NodeSettings;
import dev.kindj.provision.node.NodeFile;
import dev.kindj.provision.pki.ClusterPki;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Copies each node's certificates, kubeconfigs and component arguments into it, all nodes at once. */
public final class WriteConfiguration implements CreationStep {

    /** The node image records which cgroup driver its containerd uses; the kubelet must match it. */
    static final String CGROUP_DRIVER_FILE = "/etc/kindj/cgroup-driver";

    @Override
    public String title() {
        return "Writing configuration";
    }

    @Override
    public void run(CreationContext context) {
        String firstNode = context.plan().firstControlPlane().name();
        NodeSettings settings = new NodeSettings(
                new String(context.provider().copyOut(firstNode, CGROUP_DRIVER_FILE), StandardCharsets.UTF_8).strip());
        ClusterPki pki = context.pki();
        context.forEach(context.plan().nodes(), node -> {
            List<NodeFile> files = new ArrayList<>(pki.filesFor(node.name()));
            files.addAll(ComponentFiles.forNode(context.plan(), node, settings));
            context.provider().copyIn(node.name(), files);
        });
    }
}
