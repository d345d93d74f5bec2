package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every argument and configuration file of a node's Kubernetes components. Each unit {@code X} of the node image
 * runs its binary with the arguments in {@link #argsPath argsPath(X)}, one per line.
 */
public final class ComponentFiles {

    public static final String ARGS_DIR = "/etc/kindj/args";
    /**
     * Where a node's files put the arguments of a unit that must not start at its first boot; the step that starts the
     * unit moves them to {@link #ARGS_DIR} (see {@code NodeServices.release}), where they stay for every later boot.
     */
    public static final String HELD_ARGS_DIR = "/etc/kindj/held-args";
    /** The units that start at the first control plane's boot; everything else waits for what it needs. */
    private static final Set<String> FIRST_BOOT_UNITS = Set.of("etcd", "kube-apiserver");

    private ComponentFiles() {}

    public static String argsPath(String unit) {
        return ARGS_DIR + "/" + unit;
    }

    public static String heldArgsPath(String unit) {
        return HELD_ARGS_DIR + "/" + unit;
    }

    /**
     * {@link #forNode}, to be written before the node's first start: only the first control plane's etcd and API server
     * start at boot. The others are held back: a joining control plane's etcd until it is a member, its API server until
     * that etcd is healthy; the controller-manager and the scheduler until the API server is ready (started with it,
     * their first lease requests fail and the next come 2 s later); kubelets and kube-proxy until the API answers (the
     * kubelet's registration back-off grows to 7 s).
     */
    public static List<NodeFile> forBoot(ClusterPlan plan, PlannedNode node, NodeSettings settings) {
        boolean first = node.equals(plan.firstControlPlane());
        String argsPrefix = ARGS_DIR + "/";
        return forNode(plan, node, settings).stream().map(file -> {
            if (!file.path().startsWith(argsPrefix)) {
                return file;
            }
            String unit = file.path().substring(argsPrefix.length());
            boolean held = !(first && FIRST_BOOT_UNITS.contains(unit));
            return held ? new NodeFile(heldArgsPath(unit), file.content(), file.mode(), file.owner()) : file;
        }).toList();
    }

    /**
     * Control planes get etcd, kube-apiserver, kube-controller-manager and kube-scheduler, run as the cluster's
     * control-plane user ({@link ControlPlaneUnits}); every node gets the
     * kubelet, kube-proxy and the pod network, as the cluster config allows. Control planes are expected to join
     * etcd one at a time in plan order, so each one's initial cluster is the control planes planned before it.
     *
     * @throws IllegalArgumentException for the load balancer, a node of another plan, or kube-proxy mode ipvs
     */
    public static List<NodeFile> forNode(ClusterPlan plan, PlannedNode node, NodeSettings settings) {
        if (!plan.nodes().contains(node)) {
            throw new IllegalArgumentException(node.name() + " is not a Kubernetes node of cluster " + plan.name());
        }
        List<NodeFile> files = new ArrayList<>();
        if (node.isControlPlane()) {
            files.add(etcdArgs(plan, node));
            files.add(ApiServerFiles.args(plan, node));
            files.add(ControllerManagerFiles.args(plan, node));
            files.add(SchedulerFiles.args(plan, node));
            files.addAll(ControlPlaneUnits.dropIns(plan));
        }
        files.addAll(KubeletFiles.forNode(plan, node, settings));
        files.addAll(KubeProxyFiles.forNode(plan, node));
        files.addAll(PodNetworkFiles.forNode(plan, node));
        return List.copyOf(files);
    }

    private static NodeFile etcdArgs(ClusterPlan plan, PlannedNode node) {
        List<PlannedNode> controlPlanes = plan.controlPlanes();
        int position = controlPlanes.indexOf(node);
        Map<String, String> extraArgs = etcdExtraArgs(plan, node, Map.of());
        return position == 0
                ? EtcdFiles.newCluster(node, extraArgs)
                : EtcdFiles.joining(node, controlPlanes.subList(0, position), extraArgs);
    }

    /**
     * etcd flags of a kind of node followed by the node's kubeadm patches, which may replace them.
     *
     * @param etcdDefaults etcd flags of this kind of node
     */
    static Map<String, String> etcdExtraArgs(ClusterPlan plan, PlannedNode node, Map<String, String> etcdDefaults) {
        // sorted: the same flags in the same order on every run
        Map<String, String> extraArgs = new LinkedHashMap<>(new TreeMap<>(etcdDefaults));
        extraArgs.putAll(plan.config().kubeadmFor(node.config()).etcdArgs());
        return extraArgs;
    }
}
