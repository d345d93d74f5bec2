package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.LiveClusterPlan;

/** Stores the plan, with the added nodes, on every node: what later changes to the running cluster start from. */
public final class RecordPlan implements CreationStep {

    @Override
    public String title() {
        return "Recording the cluster plan";
    }

    @Override
    public void run(CreationContext context) {
        LiveClusterPlan.write(context.provider(), context.plan());
    }
}
