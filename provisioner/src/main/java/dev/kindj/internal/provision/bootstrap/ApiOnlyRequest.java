package dev.kindj.internal.provision.bootstrap;

import dev.kindj.InvalidRequestException;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.bootstrap.components.ApiOnlyFiles;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * What an api-only cluster cannot have. It is one container running etcd, kube-apiserver and kube-controller-manager
 * with no kubelet and no container runtime: settings about nodes, containers or images would be silently ignored, so
 * they are refused before anything is made.
 */
public final class ApiOnlyRequest {

    private ApiOnlyRequest() {
    }

    /** @throws InvalidRequestException naming every setting an api-only cluster cannot honour, and the fix */
    public static void check(ClusterConfig config) {
        List<String> problems = new ArrayList<>();
        if (!config.workers().isEmpty()) {
            problems.add(config.workers().size() + " worker(s): there is no kubelet to run them; ask for no workers");
        }
        if (config.controlPlanes().size() > 1) {
            problems.add(config.controlPlanes().size() + " control planes: it has one API server; ask for one");
        }
        for (NodeConfig node : config.nodes()) {
            if (!node.extraPortMappings().isEmpty()) {
                problems.add("extraPortMappings: no pod runs to serve them; remove them");
            }
            if (!node.extraMounts().isEmpty()) {
                problems.add("extraMounts: no pod runs to use them; remove them");
            }
        }
        if (config.registry().isPresent()) {
            problems.add("a local registry (" + config.registry().get() + "): no image is ever pulled; remove it");
        }
        if (!config.containerdConfigPatches().isEmpty() || !config.containerdConfigPatchesJSON6902().isEmpty()) {
            problems.add("containerd config patches: it runs no containerd; remove them");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("api-only cluster '" + config.name() + "' (etcd, API server and"
                    + " controller-manager only, no nodes) cannot have " + String.join("; ", problems)
                    + ". Use a full cluster for these.");
        }
    }

    /**
     * Refuses an operation that needs nodes (loading images, adding workers) on an existing api-only cluster.
     *
     * @param operation what was asked, e.g. {@code "load images"}
     * @throws InvalidRequestException when the cluster is api-only
     */
    public static void requireNodes(NodeProvider provider, String clusterName, String operation) {
        requireNodes(provider, clusterName, ClusterNodes.kubernetesNodes(provider, clusterName), operation);
    }

    /** As {@link #requireNodes(NodeProvider, String, String)}, for the cluster's Kubernetes nodes already listed. */
    public static void requireNodes(NodeProvider provider, String clusterName, List<Node> nodes, String operation) {
        // An api-only cluster is one container: a cluster of more is not asked, one file request per node saved.
        boolean apiOnly = nodes.size() == 1 && provider.exists(nodes.get(0).name(), ApiOnlyFiles.SCRIPT);
        if (apiOnly) {
            throw new InvalidRequestException("cannot " + operation + ": cluster '" + clusterName + "' is api-only"
                    + " (etcd, API server and controller-manager, no nodes and no container runtime); use a full"
                    + " cluster for workloads that must run");
        }
    }
}
