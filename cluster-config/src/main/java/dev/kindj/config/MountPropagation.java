package dev.kindj.config;

/** Mount propagation of an extra mount; kind's {@code propagation} field. */
public enum MountPropagation implements YamlNamed {
    NONE("None"),
    HOST_TO_CONTAINER("HostToContainer"),
    BIDIRECTIONAL("Bidirectional");

    private final String yamlName;

    MountPropagation(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
