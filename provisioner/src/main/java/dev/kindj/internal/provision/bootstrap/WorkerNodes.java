package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.LiveClusterPlan;
import dev.kindj.internal.provision.bootstrap.steps.CreateNodes;
import dev.kindj.internal.provision.bootstrap.steps.IssueNodeCertificates;
import dev.kindj.internal.provision.bootstrap.steps.PatchContainerd;
import dev.kindj.internal.provision.bootstrap.steps.RecordPlan;
import dev.kindj.internal.provision.bootstrap.steps.RegisterNodes;
import dev.kindj.internal.provision.bootstrap.steps.RoutePodRanges;
import dev.kindj.internal.provision.bootstrap.steps.StartNodeAgents;
import dev.kindj.internal.provision.bootstrap.steps.UseLocalRegistry;
import dev.kindj.internal.provision.bootstrap.steps.WaitForReady;
import dev.kindj.internal.provision.bootstrap.steps.WriteConfiguration;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.UnknownNameException;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.NodeSlots;
import dev.kindj.internal.provision.plan.PlannedNode;
import dev.kindj.internal.provision.preflight.Demand;
import dev.kindj.internal.provision.preflight.Preflight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding workers to a running cluster and removing them. A new worker is made by creation's own steps, acting on that
 * node alone, with certificates from the cluster's own authorities; every node's routes to the pod ranges are
 * rewritten, so pods reach the new node's pods and no longer the removed node's.
 */
public final class WorkerNodes {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerNodes.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /** The steps that join a node, in order; the control plane and the load balancer are already there. */
    static final List<CreationStep> STEPS = List.of(
            new IssueNodeCertificates(),
            new CreateNodes(),
            new UseLocalRegistry(),
            new WriteConfiguration(),
            new PatchContainerd(),
            new RoutePodRanges(),
            new StartNodeAgents(),
            new RegisterNodes(),
            new WaitForReady(),
            new RecordPlan());

    private WorkerNodes() {
    }

    /**
     * Joins a new worker and waits until it is Ready.
     *
     * @param image the node image; empty for the first control plane's
     * @return the new node's name
     */
    public static String add(NodeProvider provider, String clusterName, Optional<String> image) {
        return add(provider, clusterName, image, CreationProgress.SILENT);
    }

    /**
     * Joins a new worker and waits until it is Ready, reporting each step. When the host has no room for it (see
     * {@link Preflight}) nothing is made; on a later failure nothing of the new worker is left: neither its
     * container nor its Node nor routes to its pods.
     *
     * @param image the node image; empty for the first control plane's
     * @return the new node's name
     */
    public static String add(NodeProvider provider, String clusterName, Optional<String> image,
            CreationProgress progress) {
        ClusterPlan current = LiveClusterPlan.read(provider, clusterName);
        String nodeImage = image.orElse(current.firstControlPlane().image());
        if (!provider.hasImage(nodeImage)) {
            throw new UnknownNameException("node image " + nodeImage + " is not in the Docker engine");
        }
        Preflight.require(Demand.forWorker(clusterName), provider.host());
        PlannedNode added = NodeSlots.nextWorker(current, nodeImage);
        List<PlannedNode> nodes = new ArrayList<>(current.nodes());
        nodes.add(added);
        ClusterPlan plan = current.withNodes(nodes);
        try (CreationContext context = new CreationContext(plan, List.of(added), provider, READY_TIMEOUT)) {
            StepRunner.run("adding node '" + added.name() + "' to cluster '" + clusterName + "'", STEPS, context, progress);
            return added.name();
        } catch (RuntimeException e) {
            try {
                detach(provider, current, added);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Drains a worker, deletes its container and its Node, and removes the routes to its pods from the other nodes.
     *
     * @throws UnknownNameException when the cluster has no such node
     * @throws dev.kindj.InvalidRequestException for a control plane or the load balancer
     */
    public static void remove(NodeProvider provider, String clusterName, String nodeName) {
        Node node = ClusterNodes.all(provider, clusterName).stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new UnknownNameException("no node named '" + nodeName + "' in cluster " + clusterName
                        + " (kindj get nodes --name " + clusterName + " lists them)"));
        if (node.role() != NodeRole.WORKER) {
            throw new dev.kindj.InvalidRequestException(nodeName + " is a " + node.role().label() + "; only workers can be"
                    + " removed from a running cluster");
        }
        ClusterPlan current = LiveClusterPlan.read(provider, clusterName);
        ExecResult drain = new AdminKubectl(provider, current.firstControlPlane().name()).run("drain", nodeName,
                "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=60s");
        if (!drain.succeeded()) {
            LOG.warn("draining {} failed; removing it anyway: {}", nodeName, drain.stderr().strip());
        }
        detach(provider, current.withNodes(current.nodes().stream().filter(n -> !n.name().equals(nodeName)).toList()),
                current.node(nodeName));
    }

    /**
     * Takes a worker out of the cluster whose plan without it is {@code remaining}. The container goes first, so that
     * its kubelet cannot register the Node again once that is deleted.
     */
    private static void detach(NodeProvider provider, ClusterPlan remaining, PlannedNode removed) {
        provider.removeNode(removed.name());
        new AdminKubectl(provider, remaining.firstControlPlane().name())
                .output("delete", "node", removed.name(), "--ignore-not-found");
        List<String> running = provider.listNodes(remaining.name()).stream().filter(Node::isRunning).map(Node::name)
                .toList();
        Parallel.forEach("updating pod routes", remaining.nodes().stream().filter(n -> running.contains(n.name())).toList(),
                other -> {
                    provider.copyIn(other.name(), PodNetworkFiles.forNode(remaining, other));
                    provider.exec(other.name(), "ip", "route", "del", removed.podCidr().toString());
                });
        LiveClusterPlan.write(provider, remaining);
    }
}
