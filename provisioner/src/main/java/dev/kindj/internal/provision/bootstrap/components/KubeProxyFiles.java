package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.config.KubeadmConfig;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** kube-proxy's arguments and KubeProxyConfiguration, on every node unless the cluster has no kube-proxy. */
public final class KubeProxyFiles {

    public static final String CONFIG_PATH = "/var/lib/kube-proxy/config.conf";

    private KubeProxyFiles() {}

    /**
     * No files when the kube-proxy mode is {@code none}.
     *
     * @throws IllegalArgumentException for the {@code ipvs} mode
     */
    public static List<NodeFile> forNode(ClusterPlan plan, PlannedNode node) {
        KubeProxyMode mode = plan.config().networking().kubeProxyMode();
        if (mode == KubeProxyMode.NONE) {
            return List.of();
        }
        if (mode == KubeProxyMode.IPVS) {
            throw new IllegalArgumentException("kube-proxy mode ipvs cannot work on hosts without the ip_vs kernel"
                    + " module, which node containers cannot load; use kubeProxyMode iptables or nftables");
        }
        NodeFile args = new ComponentArgs("kube-proxy")
                .flag("config", CONFIG_PATH)
                .flag("hostname-override", node.name())
                .toFile();
        Map<String, Object> config = KubeadmConfig.mergedTree(config(plan, mode),
                plan.config().kubeadmFor(node.config()).kubeProxy());
        return List.of(args, NodeFile.text(CONFIG_PATH, ComponentYaml.dump(config), NodeFile.PUBLIC));
    }

    private static Map<String, Object> config(ClusterPlan plan, KubeProxyMode mode) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "kubeproxy.config.k8s.io/v1alpha1");
        config.put("kind", "KubeProxyConfiguration");
        config.put("clientConnection", Map.of("kubeconfig", PkiPaths.KUBE_PROXY_KUBECONFIG));
        config.put("mode", mode.yamlName());
        config.put("clusterCIDR", plan.podSubnet().toString());
        config.put("bindAddress", "0.0.0.0");
        config.put("healthzBindAddress", "0.0.0.0:10256");
        config.put("metricsBindAddress", "127.0.0.1:10249");
        config.put("conntrack", conntrack(mode));
        if (!plan.config().featureGates().isEmpty()) {
            config.put("featureGates", plan.config().featureGates());
        }
        return config;
    }

    /** As kind sets it; the TCP timeouts keep kube-proxy's defaults, which it writes to the node's own namespace. */
    private static Map<String, Object> conntrack(KubeProxyMode mode) {
        Map<String, Object> conntrack = new LinkedHashMap<>();
        // 0 leaves nf_conntrack_max and the conntrack hash size alone: both are the host's, not the node's
        conntrack.put("maxPerCore", 0);
        if (mode == KubeProxyMode.NFTABLES) {
            // unlike iptables mode, nftables mode does not drop conntrack-invalid packets, so out-of-window TCP
            // packets must not be marked invalid and slip past the service rules
            conntrack.put("tcpBeLiberal", true);
        }
        return conntrack;
    }
}
