package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;

/** kube-scheduler's arguments, the same on every control plane. */
public final class SchedulerFiles {

    private SchedulerFiles() {}

    public static NodeFile args(ClusterPlan plan) {
        return new ComponentArgs("kube-scheduler")
                .leaderElectedOnLoopback(PkiPaths.SCHEDULER_KUBECONFIG)
                .featureGates(plan.config())
                .toFile();
    }
}
