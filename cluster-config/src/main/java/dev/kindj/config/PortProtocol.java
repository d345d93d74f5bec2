package dev.kindj.config;

/** Protocol of a port mapping; kind's {@code protocol} field. */
public enum PortProtocol implements YamlNamed {
    TCP,
    UDP,
    SCTP;

    @Override
    public String yamlName() {
        return name();
    }
}
