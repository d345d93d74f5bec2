package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.KubeadmConfig;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-proxy's settings, on every node unless the cluster has no kube-proxy. Given a config file, kube-proxy watches it
 * (to exit when it changes), which holds one of root's inotify instances, shared by every node on the host; so kindj's
 * settings go on the command line, where kube-proxy watches nothing, and a config file is written only for a node whose
 * kubeadm patches change kube-proxy's configuration, since a patch may set fields that have no flag.
 */
public final class KubeProxyFiles {

    public static final String CONFIG_PATH = "/var/lib/kube-proxy/config.conf";
    private static final String BIND_ADDRESS = "0.0.0.0";
    private static final String HEALTHZ_BIND_ADDRESS = "0.0.0.0:10256";
    private static final String METRICS_BIND_ADDRESS = "127.0.0.1:10249";

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
        if (readsConfigFile(plan.config(), node.config())) {
            NodeFile args = new ComponentArgs("kube-proxy")
                    .flag("config", CONFIG_PATH)
                    .flag("hostname-override", node.name())
                    .toFile();
            Map<String, Object> config = KubeadmConfig.mergedTree(config(plan, mode),
                    plan.config().kubeadmFor(node.config()).kubeProxy());
            return List.of(args, NodeFile.text(CONFIG_PATH, ComponentYaml.dump(config), NodeFile.PUBLIC));
        }
        return List.of(flags(plan, mode).flag("hostname-override", node.name()).toFile());
    }

    /** Whether the node's kube-proxy runs with a config file, and so holds an inotify instance watching it. */
    public static boolean readsConfigFile(ClusterConfig config, NodeConfig node) {
        return config.networking().kubeProxyMode() != KubeProxyMode.NONE
                && !config.kubeadmFor(node).kubeProxy().isEmpty();
    }

    /** The same settings as {@link #config}, as flags (kube-proxy 1.35's names). */
    private static ComponentArgs flags(ClusterPlan plan, KubeProxyMode mode) {
        Map<String, Object> conntrack = conntrack(mode);
        ComponentArgs args = new ComponentArgs("kube-proxy")
                .flag("kubeconfig", PkiPaths.KUBE_PROXY_KUBECONFIG)
                .flag("proxy-mode", mode.yamlName())
                .flag("cluster-cidr", plan.podSubnet())
                .flag("bind-address", BIND_ADDRESS)
                .flag("healthz-bind-address", HEALTHZ_BIND_ADDRESS)
                .flag("metrics-bind-address", METRICS_BIND_ADDRESS)
                .flag("conntrack-max-per-core", conntrack.get("maxPerCore"));
        if (conntrack.containsKey("tcpBeLiberal")) {
            args.flag("conntrack-tcp-be-liberal", conntrack.get("tcpBeLiberal"));
        }
        return args.featureGates(plan.config());
    }

    private static Map<String, Object> config(ClusterPlan plan, KubeProxyMode mode) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "kubeproxy.config.k8s.io/v1alpha1");
        config.put("kind", "KubeProxyConfiguration");
        config.put("clientConnection", Map.of("kubeconfig", PkiPaths.KUBE_PROXY_KUBECONFIG));
        config.put("mode", mode.yamlName());
        config.put("clusterCIDR", plan.podSubnet().toString());
        config.put("bindAddress", BIND_ADDRESS);
        config.put("healthzBindAddress", HEALTHZ_BIND_ADDRESS);
        config.put("metricsBindAddress", METRICS_BIND_ADDRESS);
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
