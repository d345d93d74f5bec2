package dev.kindj.cli.load;

import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The shared --nodes option: which of the cluster's nodes get the images. */
public final class NodeNames {

    @Option(names = "--nodes", paramLabel = "NODE", split = ",",
            description = "Comma-separated node names to load into (default: every node of the cluster).")
    private List<String> names = new ArrayList<>();

    /** The running Kubernetes nodes to load into: those named, or every one of the cluster. */
    List<String> select(NodeProvider provider, String clusterName) {
        return ClusterNodes.runningKubernetesNodes(provider, clusterName, List.copyOf(names)).stream()
                .map(Node::name).toList();
    }
}
