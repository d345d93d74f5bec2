package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.ClusterPlanner;

/** Plans on the node subnet 172.28.5.0/24: nodes from .10 on, pod ranges 10.244.N.0/24, services 10.96.0.0/16. */
final class TestPlans {

    static final NodeSettings SYSTEMD = new NodeSettings("systemd");

    private TestPlans() {}

    static ClusterPlan plan(int controlPlanes, int workers) {
        return plan(builder(controlPlanes, workers));
    }

    static ClusterPlan plan(ClusterConfig.Builder builder) {
        return ClusterPlanner.plan(builder.build(), "172.28.5.0/24", "img", "lb-img");
    }

    static ClusterConfig.Builder builder(int controlPlanes, int workers) {
        return ClusterConfig.builder().withName("demo").withControlPlanes(controlPlanes).withWorkers(workers);
    }

    static ClusterPlan withNetworking(Networking networking) {
        return plan(builder(1, 1).withNetworking(networking));
    }

    static ClusterPlan withKubeProxyMode(KubeProxyMode mode) {
        return withNetworking(Networking.defaults().withKubeProxyMode(mode));
    }
}
