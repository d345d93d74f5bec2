package dev.kindj.config;

import java.util.Locale;

/**
 * A host port the config asks for by number, named by the field that asks for it, e.g.
 * {@code nodes[0].extraPortMappings[1]} or {@code networking.apiServerPort}.
 *
 * @param mapping the forwarding asked for; its {@code hostPort} is not 0
 */
public record HostPortRequest(String field, PortMapping mapping) {

    /** As a user reads it: {@code 0.0.0.0:8080/tcp}. */
    public String describe() {
        return mapping.listenAddress() + ":" + mapping.hostPort() + "/"
                + mapping.protocol().yamlName().toLowerCase(Locale.ROOT);
    }
}
