package dev.kindj.cli.delete;

import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import dev.kindj.internal.provision.node.NodeProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Deleting one cluster, shared by `delete cluster` and `delete clusters`. */
final class ClusterDeletion {

    private ClusterDeletion() {
    }

    /** Removes the cluster's containers, volumes and network, and its entries in the kubeconfig. */
    static void delete(NodeProvider provider, String clusterName, Path kubeconfig, PrintWriter progress) {
        if (!Verbosity.isQuiet()) {
            progress.println("Deleting cluster \"" + clusterName + "\" ...");
        }
        provider.deleteCluster(clusterName);
        if (Files.exists(kubeconfig)) {
            try {
                KubeconfigFile.remove(kubeconfig, clusterName);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove cluster " + clusterName + " from " + kubeconfig, e);
            }
        }
    }
}
