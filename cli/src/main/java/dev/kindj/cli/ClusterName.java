package dev.kindj.cli;

import dev.kindj.config.ClusterConfig;
import picocli.CommandLine.Option;

/** The shared --name option. */
public final class ClusterName {

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", defaultValue = ClusterConfig.DEFAULT_NAME,
            description = "Cluster name (default: ${DEFAULT-VALUE}).")
    private String name;

    public String get() {
        return name;
    }
}
