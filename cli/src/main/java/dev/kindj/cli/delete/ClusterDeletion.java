package dev.kindj.cli.delete;

import dev.kindj.api.Kindj;
import dev.kindj.api.KubeconfigFiles;
import dev.kindj.cli.shared.Verbosity;
import java.nio.file.Path;

/** Deleting one cluster, shared by `delete cluster` and `delete clusters`. */
final class ClusterDeletion {

    private ClusterDeletion() {
    }

    /** Removes the cluster's containers, volumes and network, and its entries in the kubeconfig. */
    static void delete(String clusterName, Path kubeconfig, Verbosity verbosity) {
        verbosity.progress("Deleting cluster \"" + clusterName + "\" ...");
        Kindj.connect().delete(clusterName);
        KubeconfigFiles.remove(kubeconfig, clusterName);
    }
}
