package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.config.Mount;
import dev.kindj.config.NodeConfig;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.NodeBootFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.BootFiles;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the added containers at once, each with its configuration written before its start (so that the first
 * control plane's etcd and API server start at boot), and waits until systemd in each node has booted.
 */
public final class CreateNodes implements CreationStep {

    private static final Logger LOG = LoggerFactory.getLogger(CreateNodes.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String title() {
        return "Preparing nodes";
    }

    @Override
    public void run(CreationContext context) {
        // The first control plane's etcd and API server start at its boot: created alone, it starts seconds earlier
        // than among the others (each create fills a /var volume, and they queue in the engine), and the others are
        // created while its API server starts.
        PlannedNode first = context.plan().firstControlPlane();
        boolean firstAlone = context.addedContainers().contains(first) && context.addedContainers().size() > 1;
        if (firstAlone) {
            create(context, first);
        }
        context.forEach(context.addedContainers(), node -> {
            if (!(firstAlone && node.equals(first))) {
                create(context, node);
            }
            if (node.role() != NodeRole.LOAD_BALANCER) {
                awaitBoot(context.provider(), node.name());
            }
        });
    }

    private static void create(CreationContext context, PlannedNode node) {
        ClusterPlan plan = context.plan();
        NodeProvider provider = context.provider();
        long start = System.currentTimeMillis();
        provider.createNode(spec(plan, node, provider), node.role() == NodeRole.LOAD_BALANCER ? BootFiles.NONE
                : NodeBootFiles.forNode(plan, node, () -> context.pki().filesFor(node.name())));
        LOG.debug("creating and starting container {} took {} ms", node.name(), System.currentTimeMillis() - start);
    }

    private static void awaitBoot(NodeProvider provider, String nodeName) {
        String[] lastState = {"not started"};
        Waits.until("systemd to boot on " + nodeName, BOOT_TIMEOUT, () -> {
            // --wait returns when the boot ends, so one exec sees it at once (polling from here took 4 tries, 1 s
            // after the boot ended); timeout bounds it for the deadline, and a systemd not yet answering fails at once.
            lastState[0] = provider.exec(nodeName, "timeout", "10", "systemctl", "is-system-running", "--wait")
                    .stdout().strip();
            return lastState[0].equals("running") || lastState[0].equals("degraded");
        }, () -> lastState[0]);
    }

    static NodeSpec spec(ClusterPlan plan, PlannedNode node, NodeProvider provider) {
        List<PortMapping> ports = new ArrayList<>();
        if (node == plan.apiServerContainer()) {
            var networking = plan.config().networking();
            ports.add(new PortMapping(ClusterPlan.API_SERVER_PORT, networking.apiServerPort(),
                    networking.apiServerAddress(), PortProtocol.TCP));
        }
        List<Mount> mounts = new ArrayList<>();
        NodeConfig config = node.config();
        if (config != null) {
            ports.addAll(config.extraPortMappings());
            mounts.addAll(config.extraMounts());
        }
        List<PortMapping> published = ports.stream().map(port -> published(port, provider)).toList();
        return new NodeSpec(node.name(), plan.name(), node.role(), node.image(), node.ip(), published, mounts, Map.of(),
                plan.config().networking().dnsSearch());
    }

    /**
     * The mapping on the address the engine publishes it on (see {@link NodeProvider#publishAddress}), with a host port
     * chosen now when it asks for a random one: Docker would choose a new port on every start of the container, and
     * what the user was given (the kubeconfig's API port, a random extra port) must keep working after a restart.
     */
    private static PortMapping published(PortMapping mapping, NodeProvider provider) {
        PortMapping onAddress = new PortMapping(mapping.containerPort(), mapping.hostPort(),
                provider.publishAddress(mapping.listenAddress()), mapping.protocol());
        if (onAddress.hostPort() != 0) {
            return onAddress;
        }
        return new PortMapping(onAddress.containerPort(), provider.freeHostPort(onAddress), onAddress.listenAddress(),
                onAddress.protocol());
    }
}
