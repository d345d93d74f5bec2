package dev.kindj.internal.provision.bootstrap;

import dev.kindj.InvalidRequestException;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.bootstrap.components.EtcdFiles;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.bootstrap.context.LiveClusterPlan;
import dev.kindj.internal.provision.bootstrap.steps.ConfigureLoadBalancer;
import dev.kindj.internal.provision.bootstrap.steps.CreateNodes;
import dev.kindj.internal.provision.bootstrap.steps.IssueNodeCertificates;
import dev.kindj.internal.provision.bootstrap.steps.JoinControlPlanes;
import dev.kindj.internal.provision.bootstrap.steps.RecordPlan;
import dev.kindj.internal.provision.bootstrap.steps.RegisterNodes;
import dev.kindj.internal.provision.bootstrap.steps.RoutePodRanges;
import dev.kindj.internal.provision.bootstrap.steps.StartControlPlane;
import dev.kindj.internal.provision.bootstrap.steps.StartNodeAgents;
import dev.kindj.internal.provision.bootstrap.steps.UseLocalRegistry;
import dev.kindj.internal.provision.bootstrap.steps.WaitForReady;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding nodes to a running cluster and removing them. A new node is made by creation's own steps, acting on that
 * node alone, with certificates from the cluster's own authorities; every node's routes to the pod ranges are
 * rewritten, so pods reach the new node's pods and no longer a removed node's. Control planes come and go only in
 * clusters with a load balancer (several control planes): each change updates etcd's members and the load balancer's
 * backends too.
 */
public final class LiveNodes {

    private static final Logger LOG = LoggerFactory.getLogger(LiveNodes.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /** The steps that join a worker, in order; the control plane and the load balancer are already there. */
    static final List<CreationStep> WORKER_STEPS = List.of(
            new IssueNodeCertificates(),
            new CreateNodes(),
            new UseLocalRegistry(),
            new RoutePodRanges(),
            new StartNodeAgents(),
            new RegisterNodes(),
            new WaitForReady(),
            new RecordPlan());

    /** The steps that join a control plane: a worker's, with etcd, the control-plane components and the backend. */
    static final List<CreationStep> CONTROL_PLANE_STEPS = List.of(
            new IssueNodeCertificates(),
            new CreateNodes(),
            new UseLocalRegistry(),
            new JoinControlPlanes(),
            new StartControlPlane(),
            new ConfigureLoadBalancer(),
            new RoutePodRanges(),
            new StartNodeAgents(),
            new RegisterNodes(),
            new WaitForReady(),
            new RecordPlan());

    private LiveNodes() {
    }

    /**
     * Joins a new worker and waits until it is Ready.
     *
     * @param image the node image; empty for the first control plane's
     * @return the new node's name
     */
    public static String addWorker(NodeProvider provider, String clusterName, Optional<String> image) {
        return add(provider, clusterName, NodeRole.WORKER, image, CreationProgress.SILENT);
    }

    /**
     * Joins a new control plane and waits until it is Ready. Control planes in the plan whose containers are gone
     * (deleted by hand, lost for good) are first removed from the cluster as {@link #remove} would, so the new one
     * takes the place of a lost one: its name, its address, its etcd membership, its load-balancer backend.
     *
     * @param image the node image; empty for the first control plane's
     * @return the new node's name
     * @throws InvalidRequestException for a cluster without a load balancer (one control plane)
     */
    public static String addControlPlane(NodeProvider provider, String clusterName, Optional<String> image) {
        return add(provider, clusterName, NodeRole.CONTROL_PLANE, image, CreationProgress.SILENT);
    }

    /**
     * Joins a new node and waits until it is Ready, reporting each step. When the host has no room for it (see
     * {@link Preflight}) nothing is made; on a later failure nothing of the new node is left: neither its container,
     * its Node, its etcd member, its backend nor routes to its pods.
     *
     * @param role a worker or a control plane
     * @param image the node image; empty for the first control plane's
     * @return the new node's name
     */
    public static String add(NodeProvider provider, String clusterName, NodeRole role, Optional<String> image,
            CreationProgress progress) {
        ClusterPlan current = LiveClusterPlan.read(provider, clusterName);
        boolean controlPlane = role == NodeRole.CONTROL_PLANE;
        if (controlPlane) {
            requireLoadBalancer(current, "added to");
        }
        String nodeImage = image.orElse(current.firstControlPlane().image());
        if (!provider.hasImage(nodeImage)) {
            throw new UnknownNameException("node image " + nodeImage + " is not in the Docker engine");
        }
        Preflight.require(controlPlane ? Demand.forControlPlane(clusterName) : Demand.forWorker(clusterName),
                provider.host());
        if (controlPlane) {
            current = withoutLostControlPlanes(provider, current);
        }
        PlannedNode added = NodeSlots.next(current, role, nodeImage);
        ClusterPlan plan = current.withNode(added);
        try (CreationContext context = new CreationContext(plan, List.of(added), provider, READY_TIMEOUT)) {
            StepRunner.run("adding node '" + added.name() + "' to cluster '" + clusterName + "'",
                    controlPlane ? CONTROL_PLANE_STEPS : WORKER_STEPS, context, progress);
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
     * Takes a node out of the cluster: drains a running worker; removes a control plane's etcd member (while the
     * others keep quorum) and its load-balancer backend; deletes its container and its Node; and removes the routes
     * to its pods from the other nodes. A node whose container is already gone (say, deleted with
     * {@code docker rm -f}) is removed all the same.
     *
     * @throws UnknownNameException when the cluster has no such node
     * @throws InvalidRequestException for the load balancer, the only control plane, or any control plane of a
     *         cluster without a load balancer
     */
    public static void remove(NodeProvider provider, String clusterName, String nodeName) {
        Map<String, Node> containers = ClusterNodes.all(provider, clusterName).stream()
                .collect(Collectors.toMap(Node::name, Function.identity()));
        Node container = containers.get(nodeName);
        if (container != null && container.role() == NodeRole.LOAD_BALANCER) {
            throw new InvalidRequestException(nodeName + " is the cluster's load balancer; it goes only with the cluster");
        }
        ClusterPlan current = LiveClusterPlan.read(provider, clusterName);
        PlannedNode removed = current.nodes().stream().filter(node -> node.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new UnknownNameException("no node named '" + nodeName + "' in cluster " + clusterName
                        + " (kindj get nodes --name " + clusterName + " lists them)"));
        if (removed.isControlPlane()) {
            requireLoadBalancer(current, "removed from");
            if (current.controlPlanes().size() == 1) {
                throw new InvalidRequestException(nodeName + " is the only control plane of cluster " + clusterName);
            }
        } else if (container != null && container.isRunning()) {
            ExecResult drain = new AdminKubectl(provider, current.firstControlPlane().name()).run("drain", nodeName,
                    "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=60s");
            if (!drain.succeeded()) {
                LOG.warn("draining {} failed; removing it anyway: {}", nodeName, drain.stderr().strip());
            }
        }
        detach(provider, current.withoutNode(nodeName), removed);
    }

    private static void requireLoadBalancer(ClusterPlan plan, String addedOrRemoved) {
        if (plan.loadBalancer().isEmpty()) {
            throw new InvalidRequestException("cluster " + plan.name() + " has one control plane and no load balancer;"
                    + " control planes can be " + addedOrRemoved + " only clusters created with several (a config"
                    + " with two or more `role: control-plane` nodes, e.g. examples/ha.yaml)");
        }
    }

    /** The plan after removing each control plane whose container no longer exists. */
    private static ClusterPlan withoutLostControlPlanes(NodeProvider provider, ClusterPlan plan) {
        List<String> containers = provider.listNodes(plan.name()).stream().map(Node::name).toList();
        ClusterPlan remaining = plan;
        for (PlannedNode lost : plan.controlPlanes().stream().filter(node -> !containers.contains(node.name())).toList()) {
            LOG.info("control plane {} of cluster {} has no container any more; removing it from the cluster",
                    lost.name(), plan.name());
            remaining = remaining.withoutNode(lost.name());
            detach(provider, remaining, lost);
        }
        return remaining;
    }

    /**
     * Takes a node out of the cluster whose plan without it is {@code remaining}. A control plane's etcd member goes
     * first, while every other member still runs; then the container, so that its kubelet cannot register the Node
     * again once that is deleted.
     */
    private static void detach(NodeProvider provider, ClusterPlan remaining, PlannedNode removed) {
        String controlPlane = remaining.firstControlPlane().name();
        if (removed.isControlPlane()) {
            Etcdctl.removeMember(provider, controlPlane, EtcdFiles.peerUrl(removed));
            ConfigureLoadBalancer.apply(provider, remaining);
        }
        provider.removeNode(removed.name());
        new AdminKubectl(provider, controlPlane).output("delete", "node", removed.name(), "--ignore-not-found");
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
