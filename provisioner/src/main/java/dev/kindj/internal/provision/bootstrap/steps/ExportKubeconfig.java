package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.kubeconfig.ClusterKubeconfig;

/** Builds the admin kubeconfig that reaches the API through the port published on the host. */
public final class ExportKubeconfig implements CreationStep {

    @Override
    public String title() {
        return "Exporting kubeconfig";
    }

    @Override
    public void run(CreationContext context) {
        context.exportedKubeconfig(context.pki().exportedAdminKubeconfig(apiServerUrl(context)));
    }

    public static String apiServerUrl(CreationContext context) {
        return ClusterKubeconfig.hostApiServerUrl(context.provider(), context.plan().apiServerContainer().name());
    }
}
