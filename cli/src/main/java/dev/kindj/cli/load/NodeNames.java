package dev.kindj.cli.load;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The shared --nodes option: which of the cluster's nodes get the images. */
public final class NodeNames {

    @Option(names = "--nodes", paramLabel = "NODE", split = ",",
            description = "Comma-separated node names to load into (default: every node of the cluster).")
    private List<String> names = new ArrayList<>();

    /** The nodes named, or none for every Kubernetes node of the cluster. */
    List<String> get() {
        return List.copyOf(names);
    }
}
