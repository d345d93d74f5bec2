package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import org.junit.jupiter.api.Test;

class SchedulerFilesTest {

    @Test
    void hasKubeadmsFlags() {
        NodeFile file = SchedulerFiles.args(TestPlans.plan(1, 0), TestPlans.plan(1, 0).firstControlPlane());

        assertThat(file.path()).isEqualTo("/etc/kindj/args/kube-scheduler");
        assertThat(flags(file)).containsExactly(
                entry("bind-address", "127.0.0.1"),
                entry("leader-elect", "true"),
                entry("kubeconfig", "/etc/kubernetes/scheduler.conf"),
                entry("authentication-kubeconfig", "/etc/kubernetes/scheduler.conf"),
                entry("authorization-kubeconfig", "/etc/kubernetes/scheduler.conf"));
    }

    @Test
    void passesFeatureGates() {
        ClusterPlan plan = TestPlans.plan(TestPlans.builder(1, 0).withFeatureGate("SomeGate", false));
        NodeFile file = SchedulerFiles.args(plan, plan.firstControlPlane());

        assertThat(flags(file)).containsEntry("feature-gates", "SomeGate=false");
    }
}
