package dev.kindj.config;

/** kind's {@code networking.ipFamily}. kindj provisions only {@link #IPV4} for now. */
public enum IpFamily implements YamlNamed {
    IPV4("ipv4"),
    IPV6("ipv6"),
    DUAL("dual");

    private final String yamlName;

    IpFamily(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
