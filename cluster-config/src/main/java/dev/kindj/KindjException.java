package dev.kindj;

/**
 * Every error kindj raises on purpose. {@link #invalidRequest()} tells the caller's mistakes (a bad config, an
 * unknown or taken name, a missing image) and requests the host cannot take (a preflight refusal, no Docker engine)
 * from failures of the work itself (Docker, a node, Kubernetes); the CLI maps the first to exit code 2 and the second
 * to 1.
 */
public class KindjException extends RuntimeException {

    private final boolean invalidRequest;

    public KindjException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected KindjException(String message, Throwable cause, boolean invalidRequest) {
        super(message, cause);
        this.invalidRequest = invalidRequest;
    }

    /** Whether asking again the same way fails again: the request, not the world, is at fault. */
    public boolean invalidRequest() {
        return invalidRequest;
    }
}
