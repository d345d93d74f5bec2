package dev.kindj.provision.bootstrap;

/** One small stage of cluster creation; steps run in order and share one {@link CreationContext}. */
public interface CreationStep {

    /** What the user sees while this step runs, e.g. "Starting control-plane". */
    String title();

    void run(CreationContext context) throws Exception;
}
