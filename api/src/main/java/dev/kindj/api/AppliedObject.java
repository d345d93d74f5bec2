package dev.kindj.api;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** An object the API server accepted: what the manifest said, the type the server serves it as, where it lives. */
record AppliedObject(ManifestObject manifest, ResourceDefinitionContext type, String namespace) {

    String kind() {
        return manifest.kind();
    }

    String name() {
        return manifest.name();
    }

    @Override
    public String toString() {
        return kind() + " " + ManifestApplier.qualified(namespace, name()) + " (" + manifest.where() + ")";
    }
}
