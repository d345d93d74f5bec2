package dev.kindj.api;

import dev.kindj.KindjException;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Kubeconfig files on the host as kubectl reads them: entries are merged and removed under client-go's lock
 * protocol, and files are written with mode 0600.
 */
public final class KubeconfigFiles {

    private KubeconfigFiles() {
    }

    /** {@code $KUBECONFIG}'s first entry, else {@code ~/.kube/config}: the file kubectl writes to. */
    public static Path defaultPath() {
        String fromEnvironment = System.getenv("KUBECONFIG");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.split(File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    /** The context (and cluster and user) name of a kindj cluster in kubeconfigs: {@code kindj-<cluster>}. */
    public static String contextName(String clusterName) {
        return KubeconfigFile.entryName(clusterName);
    }

    /** Adds a cluster's kubeconfig entries to the file (replacing same-named ones) and makes its context current. */
    public static void merge(Path file, String kubeconfig) {
        try {
            KubeconfigFile.merge(file, kubeconfig);
        } catch (IOException e) {
            throw new KindjException("could not write the kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes a cluster's entries from the file; a missing file stays missing. */
    public static void remove(Path file, String clusterName) {
        try {
            KubeconfigFile.remove(file, clusterName);
        } catch (IOException e) {
            throw new KindjException("could not remove cluster " + clusterName + " from " + file + ": " + e.getMessage(), e);
        }
    }
}
