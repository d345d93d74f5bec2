package dev.kindj.cli;

import dev.kindj.config.ClusterConfig;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The shared --name option. */
public final class ClusterName {

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Cluster name (default: the config's name, else " + ClusterConfig.DEFAULT_NAME + ").")
    private String name;

    public String get() {
        return given().orElse(ClusterConfig.DEFAULT_NAME);
    }

    /** The name only when the user typed one, so a config file's name can apply otherwise. */
    public Optional<String> given() {
        return Optional.ofNullable(name);
    }
}
