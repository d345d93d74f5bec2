package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs steps in order, reporting each; the first failure ends the run, named after its step. */
final class StepRunner {

    private StepRunner() {
    }

    /** @param operation what the steps do together, for the error, e.g. "creating cluster 'demo'" */
    static void run(String operation, List<CreationStep> steps, CreationContext context, CreationProgress progress) {
        for (CreationStep step : steps) {
            if (!step.appliesTo(context.plan())) {
                continue;
            }
            Instant start = Instant.now();
            progress.started(step.title());
            try {
                step.run(context);
            } catch (Exception e) {
                progress.failed(step.title(), e);
                throw new ClusterCreationException(operation, step.title(), e);
            }
            progress.finished(step.title(), Duration.between(start, Instant.now()));
        }
    }
}
