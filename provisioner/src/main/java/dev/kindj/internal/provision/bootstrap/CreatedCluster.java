package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.plan.ClusterPlan;

/** A cluster that is up: its plan, the admin kubeconfig for the host, and the API's URL on the host. */
public record CreatedCluster(ClusterPlan plan, String kubeconfig, String apiServerUrl) {

    public String name() {
        return plan.name();
    }
}
