package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.plan.ClusterPlan;

/** One small stage of cluster creation; steps run in order and share one {@link CreationContext}. */
public interface CreationStep {

    /** What the user sees while this step runs, e.g. "Starting control-plane". */
    String title();

    void run(CreationContext context) throws Exception;

    /** Whether this cluster needs the step at all; steps it does not need are neither run nor shown. */
    default boolean appliesTo(ClusterPlan plan) {
        return true;
    }
}
