package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.config.KubeadmConfig;
import dev.kindj.config.KubeadmConfig.NodeRegistration;
import dev.kindj.config.Taint;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kubelet's arguments and KubeletConfiguration, on every node. */
public final class KubeletFiles {

    public static final String CONFIG_PATH = "/var/lib/kubelet/config.yaml";
    static final String CONTROL_PLANE_TAINT_KEY = "node-role.kubernetes.io/control-plane";
    static final String CONTAINERD_ENDPOINT = "unix:///run/containerd/containerd.sock";
    /** The node's resolv.conf names the node's own IP, where the node image forwards DNS to Docker's resolver. */
    static final String POD_RESOLV_CONF = "/etc/resolv.conf";
    /**
     * Where the kubelet looks for FlexVolume drivers: a directory that cannot be made (procfs takes no new
     * directories), so its watcher is never set up; the kubelet logs that and goes on without FlexVolume, which is
     * deprecated and which kindj's nodes have no driver for. The watcher would hold one of root's inotify instances.
     */
    static final String NO_FLEXVOLUME_DIR = "/proc/kindj-no-flexvolume";
    /**
     * kindj's serving certificate never changes while a node lives, so the kubelet need not watch its files, which
     * takes one of root's inotify instances. The cluster's feature gates go on top of this one.
     */
    private static final Map<String, Boolean> FEATURE_GATES = Map.of("ReloadKubeletServerCertificateFile", false);

    private KubeletFiles() {}

    public static List<NodeFile> forNode(ClusterPlan plan, PlannedNode node, NodeSettings settings) {
        KubeadmConfig kubeadm = plan.config().kubeadmFor(node.config());
        NodeRegistration registration = registration(plan, node);
        NodeFile args = new ComponentArgs("kubelet")
                .flag("config", CONFIG_PATH)
                .flag("kubeconfig", PkiPaths.KUBELET_KUBECONFIG)
                .flag("node-ip", node.ip())
                .flag("hostname-override", node.name())
                .extraArgs(registration.kubeletExtraArgs())
                .toFile();
        Map<String, Object> config = KubeadmConfig.mergedTree(config(plan, node, settings, registration),
                kubeadm.kubelet());
        return List.of(args, NodeFile.text(CONFIG_PATH, ComponentYaml.dump(config), NodeFile.PUBLIC));
    }

    /** kubeadm registers the first control plane with its InitConfiguration, every other node with JoinConfiguration. */
    public static NodeRegistration registration(ClusterPlan plan, PlannedNode node) {
        boolean first = node.isControlPlane() && node.name().equals(plan.firstControlPlane().name());
        return plan.config().kubeadmFor(node.config()).registration(first);
    }

    private static Map<String, Object> config(ClusterPlan plan, PlannedNode node, NodeSettings settings,
                                              NodeRegistration registration) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "kubelet.config.k8s.io/v1beta1");
        config.put("kind", "KubeletConfiguration");
        config.put("authentication", Map.of(
                "anonymous", Map.of("enabled", false),
                "webhook", Map.of("enabled", true),
                "x509", Map.of("clientCAFile", PkiPaths.certificate(PkiPaths.CA))));
        config.put("authorization", Map.of("mode", "Webhook"));
        config.put("cgroupDriver", settings.cgroupDriver());
        // the host's cgroups are v1, which the kubelet refuses by default since 1.35
        config.put("failCgroupV1", false);
        config.put("containerRuntimeEndpoint", CONTAINERD_ENDPOINT);
        config.put("clusterDNS", List.of(plan.dnsServiceIp()));
        config.put("clusterDomain", ClusterPlan.CLUSTER_DOMAIN);
        config.put("resolvConf", POD_RESOLV_CONF);
        config.put("healthzBindAddress", "127.0.0.1");
        config.put("healthzPort", 10248);
        // kindj issued the kubelet's client certificate; nothing in the cluster approves renewals
        config.put("rotateCertificates", false);
        // a full host disk must not evict test pods or delete preloaded images, which cannot be pulled again
        config.put("evictionHard", Map.of(
                "nodefs.available", "0%",
                "nodefs.inodesFree", "0%",
                "imagefs.available", "0%"));
        config.put("imageGCHighThresholdPercent", 100);
        config.put("failSwapOn", false);
        // inside a node container the kernel's memcg notifier and kernel tunables are the host's
        config.put("kernelMemcgNotification", false);
        config.put("protectKernelDefaults", false);
        if (registration.taints() != null) {
            // as in kubeadm, taints from a patch replace the default ones; an empty list registers without any
            config.put("registerWithTaints", registration.taints().stream().map(KubeletFiles::taint).toList());
        } else if (node.isControlPlane() && !plan.workers().isEmpty()) {
            config.put("registerWithTaints", List.of(Map.of("key", CONTROL_PLANE_TAINT_KEY, "effect", "NoSchedule")));
        }
        config.put("volumePluginDir", NO_FLEXVOLUME_DIR);
        Map<String, Boolean> featureGates = new LinkedHashMap<>(FEATURE_GATES);
        featureGates.putAll(plan.config().featureGates());
        config.put("featureGates", featureGates);
        return config;
    }

    private static Map<String, String> taint(Taint taint) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", taint.key());
        if (!taint.value().isEmpty()) {
            fields.put("value", taint.value());
        }
        fields.put("effect", taint.effect());
        return fields;
    }
}
