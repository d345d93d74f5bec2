package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.UnknownNameException;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.registry.LocalRegistry;
import dev.kindj.internal.provision.registry.RegistryFiles;
import java.util.List;

/**
 * Lets the added nodes pull from the cluster's local registry: the registry joins the cluster network, each node's
 * containerd gets its hosts.toml (files in /etc stay across restarts of the node), and the cluster publishes
 * KEP-1755's ConfigMap. Every part is idempotent, so a worker added later runs the whole step again.
 */
public final class UseLocalRegistry implements CreationStep {

    @Override
    public String title() {
        return "Connecting the local registry";
    }

    @Override
    public boolean appliesTo(ClusterPlan plan) {
        return plan.config().registry().isPresent();
    }

    @Override
    public void run(CreationContext context) {
        NodeProvider provider = context.provider();
        String name = context.plan().config().registry().orElseThrow();
        LocalRegistry registry = provider.findRegistry(name).orElseThrow(() -> unknown(name));
        provider.connectRegistry(name, context.plan().name());
        context.forEach(context.addedNodes(), node -> provider.copyIn(node.name(), List.of(RegistryFiles.hostsToml(registry))));
        String controlPlane = context.plan().firstControlPlane().name();
        provider.copyIn(controlPlane, List.of(RegistryFiles.hostingConfigMap(registry)));
        context.kubectl().output("apply", "--server-side", "-f", RegistryFiles.MANIFEST);
    }

    /** The error for a registry that does not exist (or no longer does), with the command that makes it. */
    public static UnknownNameException unknown(String registryName) {
        return new UnknownNameException("no local registry named '" + registryName + "'; create it first with"
                + " `kindj create registry --name " + registryName + "` (kindj get registries lists those that exist)");
    }
}
