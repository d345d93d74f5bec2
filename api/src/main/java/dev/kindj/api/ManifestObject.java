package dev.kindj.api;

import java.util.Map;

/**
 * One Kubernetes object of a manifest, as read from its YAML document.
 *
 * @param line    where its document starts, from 1; 0 when no line means anything (what a Helm template rendered)
 * @param content the document as maps, lists and scalars
 */
record ManifestObject(String source, int line, Map<String, Object> content) {

    String apiVersion() {
        return (String) content.get("apiVersion");
    }

    String kind() {
        return (String) content.get("kind");
    }

    String name() {
        return (String) metadata().get("name");
    }

    /** The namespace the YAML names, or null. */
    String namespace() {
        return (String) metadata().get("namespace");
    }

    /** {@code source:line}, or the source alone when there is no line, for messages. */
    String where() {
        return line > 0 ? source + ":" + line : source;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata() {
        return (Map<String, Object>) content.get("metadata");
    }

    @Override
    public String toString() {
        return apiVersion() + " " + kind() + " " + (namespace() != null ? namespace() + "/" : "") + name() + " (" + where() + ")";
    }
}
