package dev.kindj.internal.provision.bootstrap;

/** Creation failed at a step; the message names the step and the cause. */
public class ClusterCreationException extends dev.kindj.KindjException {

    public ClusterCreationException(String clusterName, String step, Throwable cause) {
        super("creating cluster '" + clusterName + "' failed while " + step.toLowerCase() + ": " + cause.getMessage(), cause);
    }
}
