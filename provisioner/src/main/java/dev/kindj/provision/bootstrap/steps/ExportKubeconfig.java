package dev.kindj.provision.bootstrap.steps;

import dev.kindj.provision.bootstrap.CreationContext;
import dev.kindj.provision.bootstrap.CreationStep;
import dev.kindj.provision.plan.ClusterPlan;

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
        ClusterPlan plan = context.plan();
        int port = context.provider().publishedPorts(plan.apiServerContainer().name()).get(ClusterPlan.API_SERVER_PORT);
        String address = plan.config().networking().apiServerAddress();
        // A wildcard listen address is not something a client can connect to; loopback always works.
        String host = "0.0.0.0".equals(address) ? "127.0.0.1" : address;
        return "https://" + host + ":" + port;
    }
}
