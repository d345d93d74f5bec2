package dev.kindj.internal.provision.bootstrap;

/** Creating a cluster, or adding a node to one, failed at a step; the message names the step and the cause. */
public class ClusterCreationException extends dev.kindj.KindjException {

    /** @param operation what failed, e.g. "creating cluster 'demo'" */
    public ClusterCreationException(String operation, String step, Throwable cause) {
        super(operation + " failed while " + step.toLowerCase() + ": " + cause.getMessage(), cause);
    }
}
