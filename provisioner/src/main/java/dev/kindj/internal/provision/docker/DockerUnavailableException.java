package dev.kindj.internal.provision.docker;

/**
 * No Docker engine answered where we looked. Like every preflight refusal it is an invalid request (exit code 2):
 * nothing was made, and asking again fails until the user starts an engine.
 */
public class DockerUnavailableException extends dev.kindj.KindjException {

    public DockerUnavailableException(String dockerHost, Throwable cause) {
        super("Docker is not running: no engine answered at " + dockerHost
                + " (" + rootMessage(cause) + "). Start Docker, or set DOCKER_HOST to an engine that is running;"
                + " on a Debian host scripts/ensure-docker.sh installs and starts one.", cause, true);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
