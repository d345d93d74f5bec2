package dev.kindj.internal.provision.bootstrap;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.bootstrap.components.ComponentFiles;
import dev.kindj.internal.provision.bootstrap.components.KubeProxyFiles;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan of a running cluster, read back from what creation left: containers and their fixed IPs from Docker,
 * each Node's pod range from the API, the network settings from the first control plane's component arguments.
 * Settings only control planes need (API address and port, runtime config) are not read back.
 */
public final class LiveClusterPlan {

    private static final Pattern YAML_MODE = Pattern.compile("(?m)^mode: *(\\S+)");
    private static final Pattern CONFLIST_SUBNET = Pattern.compile("\"subnet\": *\"([^\"]+)\"");

    private LiveClusterPlan() {
    }

    /**
     * @throws dev.kindj.internal.provision.node.UnknownNameException when there is no such cluster
     * @throws IllegalStateException when its first control plane is not running
     */
    public static ClusterPlan read(NodeProvider provider, String clusterName) {
        List<Node> containers = ClusterNodes.all(provider, clusterName);
        Node firstControlPlane = containers.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE)
                .findFirst().orElseThrow(() -> new IllegalStateException("cluster " + clusterName + " has no control plane"));
        if (!firstControlPlane.isRunning()) {
            throw new IllegalStateException("control plane " + firstControlPlane.name() + " is not running; start the"
                    + " cluster first: kindj start cluster --name " + clusterName);
        }
        String controlPlane = firstControlPlane.name();
        Map<String, String> flags = flags(read(provider, controlPlane, ComponentFiles.argsPath("kube-controller-manager"))
                .orElseThrow(() -> new IllegalStateException(controlPlane + " has no kube-controller-manager arguments;"
                        + " was the cluster made by kindj?")));
        Networking networking = Networking.defaults()
                .withPodSubnet(flags.get("cluster-cidr"))
                .withServiceSubnet(flags.get("service-cluster-ip-range"))
                .withKubeProxyMode(kubeProxyMode(provider, controlPlane))
                .withDisableDefaultCNI(read(provider, controlPlane, PodNetworkFiles.CONFLIST_PATH).isEmpty());
        Ipv4Cidr nodeSubnet = Ipv4Cidr.of(provider.networkSubnet(clusterName).orElseThrow(
                () -> new IllegalStateException("cluster " + clusterName + " has no Docker network")));
        Map<String, String> podRanges = podRanges(provider, controlPlane);

        ClusterConfig.Builder config = ClusterConfig.builder().withName(clusterName).withNetworking(networking);
        featureGates(flags.get("feature-gates")).forEach(config::withFeatureGate);
        List<PlannedNode> nodes = new ArrayList<>();
        Optional<PlannedNode> loadBalancer = Optional.empty();
        for (Node container : containers) {
            if (container.role() == NodeRole.LOAD_BALANCER) {
                loadBalancer = Optional.of(new PlannedNode(container.name(), NodeRole.LOAD_BALANCER, container.ipAddress(),
                        null, container.image(), null));
                continue;
            }
            NodeConfig nodeConfig = NodeConfig.of(container.role() == NodeRole.CONTROL_PLANE
                    ? dev.kindj.config.NodeRole.CONTROL_PLANE : dev.kindj.config.NodeRole.WORKER);
            config.withNode(nodeConfig);
            String podRange = Optional.ofNullable(podRanges.get(container.name()))
                    .or(() -> conflistRange(provider, container.name()))
                    .orElseThrow(() -> new IllegalStateException("the pod range of node " + container.name()
                            + " is unknown: it has no Node object and no CNI config"));
            nodes.add(new PlannedNode(container.name(), container.role(), container.ipAddress(), Ipv4Cidr.of(podRange),
                    container.image(), nodeConfig));
        }
        return new ClusterPlan(clusterName, config.build(), nodeSubnet, nodes, loadBalancer);
    }

    /** For a node that never registered with the API: the range its CNI config hands out. */
    private static Optional<String> conflistRange(NodeProvider provider, String node) {
        return read(provider, node, PodNetworkFiles.CONFLIST_PATH).map(CONFLIST_SUBNET::matcher)
                .filter(Matcher::find).map(subnet -> subnet.group(1));
    }

    private static Map<String, String> podRanges(NodeProvider provider, String controlPlane) {
        String nodes = new AdminKubectl(provider, controlPlane)
                .output("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name} {.spec.podCIDR}{'\\n'}{end}");
        Map<String, String> ranges = new HashMap<>();
        nodes.lines().map(line -> line.trim().split(" ")).filter(parts -> parts.length == 2)
                .forEach(parts -> ranges.put(parts[0], parts[1]));
        return ranges;
    }

    private static KubeProxyMode kubeProxyMode(NodeProvider provider, String controlPlane) {
        Optional<String> config = read(provider, controlPlane, KubeProxyFiles.CONFIG_PATH);
        if (config.isEmpty()) {
            return KubeProxyMode.NONE;
        }
        Matcher mode = YAML_MODE.matcher(config.get());
        String name = mode.find() ? mode.group(1) : KubeProxyMode.IPTABLES.yamlName();
        return Arrays.stream(KubeProxyMode.values()).filter(value -> value.yamlName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown kube-proxy mode '" + name + "' on " + controlPlane));
    }

    /** {@code --name=value} per line, as ComponentArgs writes them. */
    private static Map<String, String> flags(String args) {
        Map<String, String> flags = new HashMap<>();
        args.lines().filter(line -> line.startsWith("--") && line.contains("="))
                .forEach(line -> flags.put(line.substring(2, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return flags;
    }

    private static Map<String, Boolean> featureGates(String value) {
        Map<String, Boolean> gates = new HashMap<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(gate -> gate.split("=")).filter(pair -> pair.length == 2)
                    .forEach(pair -> gates.put(pair[0], Boolean.parseBoolean(pair[1])));
        }
        return gates;
    }

    private static Optional<String> read(NodeProvider provider, String node, String path) {
        ExecResult cat = provider.exec(node, "cat", path);
        return cat.succeeded() ? Optional.of(cat.stdout()) : Optional.empty();
    }
}
