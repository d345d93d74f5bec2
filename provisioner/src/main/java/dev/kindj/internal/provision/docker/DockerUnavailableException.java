package dev.kindj.internal.provision.docker;

/**
 * No Docker engine answered where we looked. Like every preflight refusal it is an invalid request (exit code 2):
 * nothing was made, and asking again fails until the user starts an engine.
 */
public class DockerUnavailableException extends dev.kindj.KindjException {

    private final String reason;

    public DockerUnavailableException(String dockerHost, Throwable cause) {
        super("Docker is not running: " + reason(dockerHost, cause) + ". Start Docker, or set DOCKER_HOST to an engine"
                + " that is running; on a Debian host scripts/ensure-docker.sh installs and starts one.", cause, true);
        this.reason = reason(dockerHost, cause);
    }

    /** Where kindj looked and what it got, without the advice: e.g. {@code no engine answered at unix:///...}. */
    public String reason() {
        return reason;
    }

    private static String reason(String dockerHost, Throwable cause) {
        return "no engine answered at " + dockerHost + " (" + rootMessage(cause) + ")";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
