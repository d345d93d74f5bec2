package dev.kindj.provision.node;

/** A host path mounted into a node; propagation is one of none, rslave (host to container) or rshared. */
public record BindMount(String hostPath, String containerPath, boolean readOnly, String propagation) {
}
