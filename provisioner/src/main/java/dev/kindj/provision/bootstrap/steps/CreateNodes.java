package dev.kindj.provision.bootstrap.steps;

import dev.kindj.config.Mount;
import dev.kindj.config.Networking;
import dev.kindj.config.NodeConfig;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.provision.bootstrap.CreationContext;
import dev.kindj.provision.bootstrap.CreationStep;
import dev.kindj.provision.bootstrap.Waits;
import dev.kindj.provision.node.NodeProvider;
import dev.kindj.provision.node.NodeRole;
import dev.kindj.provision.node.NodeSpec;
import dev.kindj.provision.plan.ClusterPlan;
import dev.kindj.provision.plan.PlannedNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts every node container at once and waits until systemd in each has booted. */
public final class CreateNodes implements CreationStep {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String title() {
        return "Preparing nodes";
    }

    @Override
    public void run(CreationContext context) {
        ClusterPlan plan = context.plan();
        NodeProvider provider = context.provider();
        context.forEach(plan.containers(), node -> {
            provider.createNode(spec(plan, node));
            if (node.role() != NodeRole.LOAD_BALANCER) {
                awaitBoot(provider, node.name());
            }
        });
    }

    public static void awaitBoot(NodeProvider provider, String nodeName) {
        String[] lastState = {"not started"};
        Waits.until("systemd to boot on " + nodeName, BOOT_TIMEOUT, () -> {
            lastState[0] = provider.exec(nodeName, "systemctl", "is-system-running").stdout().strip();
            return lastState[0].equals("running") || lastState[0].equals("degraded");
        }, () -> lastState[0]);
    }

    public static NodeSpec spec(ClusterPlan plan, PlannedNode node) {
        List<PortMapping> ports = new ArrayList<>();
        if (node == plan.apiServerContainer()) {
            var networking = plan.config().networking();
            ports.add(new PortMapping(ClusterPlan.API_SERVER_PORT, apiServerHostPort(networking),
                    networking.apiServerAddress(), PortProtocol.TCP));
        }
        List<Mount> mounts = new ArrayList<>();
        NodeConfig config = node.config();
        if (config != null) {
            ports.addAll(config.extraPortMappings());
            mounts.addAll(config.extraMounts());
        }
        return new NodeSpec(node.name(), plan.name(), node.role(), node.image(), node.ip(), ports, mounts, Map.of());
    }

    /**
     * The configured port, or a free one chosen now: Docker would choose a new port on every start of the container,
     * and the exported kubeconfig must keep working after a restart.
     */
    private static int apiServerHostPort(Networking networking) {
        if (networking.apiServerPort() != 0) {
            return networking.apiServerPort();
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(networking.apiServerAddress()))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port on " + networking.apiServerAddress() + " failed", e);
        }
    }
}
