package dev.kindj.internal.provision.bootstrap;

/** A cluster with the requested name already exists; it is left untouched. */
public class ClusterExistsException extends dev.kindj.InvalidRequestException {

    public ClusterExistsException(String name) {
        super("a cluster named '" + name + "' already exists; delete it first (kindj delete cluster --name " + name
                + ") or choose another name with --name");
    }
}
