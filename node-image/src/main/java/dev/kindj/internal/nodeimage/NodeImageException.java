package dev.kindj.internal.nodeimage;

import dev.kindj.KindjException;

/** The node image could not be built; the kind tells the caller's fault from the world's. */
public class NodeImageException extends KindjException {

    public enum Kind {
        /** A bad version, source, image name or base image: asking again the same way fails again. */
        BAD_INPUT,
        /** The Go module proxy, the Kubernetes download site or the Debian mirror did not answer. */
        SOURCE_UNREACHABLE,
        /** Anything else went wrong while building. */
        FAILED
    }

    private final Kind kind;

    public NodeImageException(Kind kind, String message) {
        super(message, null, kind == Kind.BAD_INPUT);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
