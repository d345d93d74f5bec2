package dev.kindj.cli.shared;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The shared --name option. */
public final class ClusterName {

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Cluster name (default: the config's name, else " + Kindj.DEFAULT_CLUSTER_NAME + ").")
    private String name;

    public String get() {
        return given().orElse(Kindj.DEFAULT_CLUSTER_NAME);
    }

    /** The name only when the user typed one, so a config file's name can apply otherwise. */
    public Optional<String> given() {
        return Optional.ofNullable(name);
    }

    /**
     * The named cluster.
     *
     * @throws dev.kindj.InvalidRequestException when it does not exist, listing those that do
     */
    public KindjCluster cluster() {
        return Kindj.connect().get(get());
    }
}
