package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;

/** kube-scheduler's arguments: the same on every control plane but for node-level kubeadm patches. */
public final class SchedulerFiles {

    private SchedulerFiles() {}

    public static NodeFile args(ClusterPlan plan, PlannedNode node) {
        return new ComponentArgs("kube-scheduler")
                .leaderElectedOnLoopback(PkiPaths.SCHEDULER_KUBECONFIG)
                .featureGates(plan.config())
                .extraArgs(plan.config().kubeadmFor(node.config()).schedulerArgs())
                .toFile();
    }
}
