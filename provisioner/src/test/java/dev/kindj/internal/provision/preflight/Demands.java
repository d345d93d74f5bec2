package dev.kindj.internal.provision.preflight;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ClusterConfigLoader;

/** Demands of clusters described in YAML, for the checks' tests. */
final class Demands {

    private Demands() {
    }

    static Demand cluster(String yaml) {
        return Demand.forCluster(ClusterConfigLoader.parse("kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n" + yaml,
                "<test>"));
    }

    static Demand nodes(int controlPlanes, int workers) {
        return Demand.forCluster(ClusterConfig.builder().withName("demo").withControlPlanes(controlPlanes)
                .withWorkers(workers).build());
    }
}
