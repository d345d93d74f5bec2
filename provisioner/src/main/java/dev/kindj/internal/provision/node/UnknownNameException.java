package dev.kindj.internal.provision.node;

/** The caller named a cluster, node or image that does not exist; the message lists what does. */
public class UnknownNameException extends dev.kindj.InvalidRequestException {

    public UnknownNameException(String message) {
        super(message);
    }
}
