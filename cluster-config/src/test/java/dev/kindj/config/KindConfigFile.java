package dev.kindj.config;

/** A kind config file as tests write it: the Cluster header, then the fields under test. */
record KindConfigFile(String name) {
    private static final String HEADER = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            """;

    ClusterConfig parse(String body) {
        return ClusterConfigLoader.parse(HEADER + body, name);
    }

    /** The message of the ConfigException the file is refused with. */
    String problem(String body) {
        try {
            parse(body);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no ConfigException");
    }
}
