package dev.kindj.config;

/** kind's {@code networking.kubeProxyMode}. */
public enum KubeProxyMode implements YamlNamed {
    IPTABLES("iptables"),
    NFTABLES("nftables"),
    IPVS("ipvs"),
    NONE("none");

    private final String yamlName;

    KubeProxyMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
