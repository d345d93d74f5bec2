package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.steps.CreateNodes;
import dev.kindj.internal.provision.bootstrap.steps.RegisterNodes;
import dev.kindj.internal.provision.bootstrap.steps.StartNodeAgents;
import dev.kindj.internal.provision.bootstrap.steps.WriteConfiguration;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.UnknownNameException;
import dev.kindj.internal.provision.pki.ClusterAuthorities;
import dev.kindj.internal.provision.pki.ClusterPki;
import dev.kindj.internal.provision.pki.KeyAlgorithm;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.pki.PkiRequest;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.NodeSlots;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding workers to a running cluster and removing them. A new worker is made as creation makes one, with
 * certificates from the cluster's own authorities (read from the first control plane); every node's routes to the
 * pod ranges are rewritten, so pods reach the new node's pods and no longer the removed node's.
 */
public final class WorkerNodes {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerNodes.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> AUTHORITY_FILES = List.of(
            PkiPaths.certificate(PkiPaths.CA), PkiPaths.key(PkiPaths.CA),
            PkiPaths.certificate(PkiPaths.FRONT_PROXY_CA), PkiPaths.key(PkiPaths.FRONT_PROXY_CA),
            PkiPaths.certificate(PkiPaths.ETCD_CA), PkiPaths.key(PkiPaths.ETCD_CA),
            PkiPaths.SERVICE_ACCOUNT_KEY, PkiPaths.SERVICE_ACCOUNT_PUBLIC_KEY);

    private WorkerNodes() {
    }

    /**
     * Joins a new worker and waits until it is Ready.
     *
     * @param image the node image; empty for the first control plane's
     * @return the new node's name
     */
    public static String add(NodeProvider provider, String clusterName, Optional<String> image) {
        ClusterPlan current = LiveClusterPlan.read(provider, clusterName);
        String nodeImage = image.orElse(current.firstControlPlane().image());
        if (!provider.hasImage(nodeImage)) {
            throw new UnknownNameException("node image " + nodeImage + " is not in the Docker engine");
        }
        PlannedNode added = NodeSlots.nextWorker(current, nodeImage);
        List<PlannedNode> nodes = new ArrayList<>(current.nodes());
        nodes.add(added);
        ClusterPlan plan = new ClusterPlan(clusterName, current.config(), current.nodeSubnet(), nodes, current.loadBalancer());
        ClusterPki pki = ClusterPki.generate(pkiRequest(plan, added), authorities(provider, current));

        ExecutorService executor = Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work, "kindj-add-node");
            thread.setDaemon(true);
            return thread;
        });
        CreationContext context = new CreationContext(plan, provider, executor, READY_TIMEOUT);
        context.pki(CompletableFuture.completedFuture(pki));
        provider.createNode(CreateNodes.spec(plan, added));
        try {
            CreateNodes.awaitBoot(provider, added.name());
            WriteConfiguration.writeTo(context, added, WriteConfiguration.settings(provider, added.name()));
            routeEveryPodRange(context, current.nodes());
            StartNodeAgents.startOn(context, added);
            RegisterNodes.register(context, added);
            Waits.until("node " + added.name() + " to be Ready", READY_TIMEOUT,
                    () -> context.kubectl("wait", "--for=condition=Ready", "node/" + added.name(), "--timeout=5s").succeeded(),
                    () -> context.kubectl("get", "nodes", "-o", "wide").stdout()
                            + NodeServices.journal(provider, added.name(), "kubelet"));
            return added.name();
        } catch (RuntimeException e) {
            provider.removeNode(added.name());
            context.kubectl("delete", "node", added.name(), "--ignore-not-found");
            throw e;
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Drains a worker, deletes its Node and its container, and removes the routes to its pods from the other nodes.
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
        PlannedNode removed = current.node(nodeName);
        AdminKubectl kubectl = new AdminKubectl(provider, current.firstControlPlane().name());
        var drain = kubectl.run("drain", nodeName, "--ignore-daemonsets", "--delete-emptydir-data", "--force",
                "--timeout=60s");
        if (!drain.succeeded()) {
            LOG.warn("draining {} failed; removing it anyway: {}", nodeName, drain.stderr().strip());
        }
        kubectl.output("delete", "node", nodeName, "--ignore-not-found");
        provider.removeNode(nodeName);
        List<PlannedNode> remaining = current.nodes().stream().filter(n -> !n.name().equals(nodeName)).toList();
        ClusterPlan plan = new ClusterPlan(clusterName, current.config(), current.nodeSubnet(), remaining,
                current.loadBalancer());
        forEachRunning(provider, plan, remaining, other -> {
            provider.copyIn(other.name(), PodNetworkFiles.forNode(plan, other));
            provider.exec(other.name(), "ip", "route", "del", removed.podCidr().toString());
        });
    }

    /** Rewrites each node's pod routes for the context's plan and applies them now. */
    private static void routeEveryPodRange(CreationContext context, List<PlannedNode> nodes) {
        if (context.plan().config().networking().disableDefaultCNI()) {
            return;
        }
        forEachRunning(context.provider(), context.plan(), nodes, node -> {
            context.provider().copyIn(node.name(), PodNetworkFiles.forNode(context.plan(), node));
            context.provider().exec(node.name(), "systemctl", "restart", PodNetworkFiles.UNIT).orThrow(node.name());
        });
    }

    private static void forEachRunning(NodeProvider provider, ClusterPlan plan, List<PlannedNode> nodes,
            Consumer<PlannedNode> action) {
        List<String> running = provider.listNodes(plan.name()).stream().filter(Node::isRunning).map(Node::name).toList();
        Parallel.forEach("updating pod routes",
                nodes.stream().filter(node -> running.contains(node.name())).toList(), action);
    }

    private static ClusterAuthorities authorities(NodeProvider provider, ClusterPlan plan) {
        String controlPlane = plan.firstControlPlane().name();
        Map<String, byte[]> files = new LinkedHashMap<>();
        AUTHORITY_FILES.forEach(path -> files.put(path, provider.copyOut(controlPlane, path)));
        return ClusterAuthorities.load(files);
    }

    /** Only the new node's identities: its kubelet's and its kube-proxy's. */
    private static PkiRequest pkiRequest(ClusterPlan plan, PlannedNode node) {
        return new PkiRequest(plan.name(), List.of(), List.of(node.name()), List.of(), plan.firstServiceIp(),
                ClusterPlan.CLUSTER_DOMAIN, plan.clusterEndpoint(), KeyAlgorithm.ECDSA_P256);
    }
}
