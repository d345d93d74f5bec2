package dev.kindj.cli.shared;

import dev.kindj.api.KindjCluster;
import picocli.CommandLine.Option;

/** The shared --internal option of the kubeconfig commands: which address of the API the kubeconfig names. */
public final class AdminKubeconfig {

    @Option(names = "--internal", description = "Use the API's address on the cluster's Docker network, for clients in containers.")
    private boolean internal;

    /** The cluster's admin kubeconfig, for this machine or, with --internal, for containers on its network. */
    public String of(KindjCluster cluster) {
        return internal ? cluster.internalKubeconfig() : cluster.kubeconfig();
    }
}
