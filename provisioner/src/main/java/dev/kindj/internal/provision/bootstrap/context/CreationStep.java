package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.plan.ClusterPlan;

/**
 * One small stage of creating a cluster or joining a node to one; steps run in order and share one
 * {@link CreationContext}.
 */
public interface CreationStep {

    /** What the user sees while this step runs, e.g. "Starting control-plane". */
    String title();

    void run(CreationContext context) throws Exception;

    /** Whether this cluster needs the step at all; steps it does not need are neither run nor shown. */
    default boolean appliesTo(ClusterPlan plan) {
        return true;
    }
}
