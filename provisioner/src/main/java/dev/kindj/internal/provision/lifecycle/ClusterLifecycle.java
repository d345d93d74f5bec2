package dev.kindj.internal.provision.lifecycle;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.bootstrap.components.ApiOnlyFiles;
import dev.kindj.internal.provision.bootstrap.steps.AwaitApiOnlyReady;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import java.time.Duration;
import java.util.List;

/**
 * Stopping and starting a whole cluster, load balancer included. Stopped containers keep their disks (etcd, images,
 * pods' state) and stay stopped across engine restarts; started ones bring everything back by themselves: each
 * node's units are enabled and their configuration is on its disk.
 */
public final class ClusterLifecycle {

    private ClusterLifecycle() {
    }

    /** @throws dev.kindj.internal.provision.node.UnknownNameException when there is no such cluster */
    public static void stop(NodeProvider provider, String clusterName) {
        Parallel.forEach("stopping nodes", ClusterNodes.all(provider, clusterName).stream().map(Node::name).toList(),
                provider::stopNode);
    }

    /**
     * Starts every container of the cluster that is not running, then waits until every node reports Ready again and
     * cluster DNS runs, unless {@code waitForReady} is zero.
     *
     * @throws dev.kindj.internal.provision.node.UnknownNameException when there is no such cluster
     */
    public static void start(NodeProvider provider, String clusterName, Duration waitForReady) {
        Parallel.forEach("starting nodes", ClusterNodes.all(provider, clusterName).stream().map(Node::name).toList(),
                provider::startNode);
        if (waitForReady.isZero()) {
            return;
        }
        List<Node> nodes = ClusterNodes.kubernetesNodes(provider, clusterName);
        if (nodes.size() == 1 && provider.exists(nodes.get(0).name(), ApiOnlyFiles.SCRIPT)) {
            awaitApiOnly(provider, nodes.get(0).name(), waitForReady);
        } else {
            ClusterReadiness.await(provider, clusterName, waitForReady);
        }
    }

    private static void awaitApiOnly(NodeProvider provider, String node, Duration timeout) {
        try {
            AwaitApiOnlyReady.await(provider, node, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + node, e);
        }
    }
}
