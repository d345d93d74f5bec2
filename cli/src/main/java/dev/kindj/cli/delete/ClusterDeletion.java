package dev.kindj.cli.delete;

import dev.kindj.cli.Verbosity;
import dev.kindj.provision.node.NodeProvider;
import java.io.PrintWriter;

/** Deleting one cluster, shared by `delete cluster` and `delete clusters`. */
final class ClusterDeletion {

    private ClusterDeletion() {
    }

    static void delete(NodeProvider provider, String clusterName, PrintWriter progress) {
        if (!Verbosity.isQuiet()) {
            progress.println("Deleting cluster \"" + clusterName + "\" ...");
        }
        provider.deleteCluster(clusterName);
    }
}
