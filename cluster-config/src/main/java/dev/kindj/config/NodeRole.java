package dev.kindj.config;

/** What a node does in the cluster; kind's {@code role} field. */
public enum NodeRole implements YamlNamed {
    CONTROL_PLANE("control-plane"),
    WORKER("worker");

    private final String yamlName;

    NodeRole(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
