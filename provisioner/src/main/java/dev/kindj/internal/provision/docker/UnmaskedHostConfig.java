package dev.kindj.internal.provision.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * A HostConfig that unmasks /proc and /sys paths, which `docker run --security-opt
 * systempaths=unconfined` does by sending empty MaskedPaths and ReadonlyPaths. docker-java has no
 * such fields; without them /proc/sys is read-only and the node cannot set its own network sysctls.
 */
final class UnmaskedHostConfig extends HostConfig {

    private static final long serialVersionUID = 1L;

    @JsonProperty("MaskedPaths")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private final List<String> maskedPaths = List.of();

    @JsonProperty("ReadonlyPaths")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private final List<String> readonlyPaths = List.of();

    List<String> maskedPaths() {
        return maskedPaths;
    }

    List<String> readonlyPaths() {
        return readonlyPaths;
    }
}
