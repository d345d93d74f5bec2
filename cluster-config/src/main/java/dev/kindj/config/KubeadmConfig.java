package dev.kindj.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What kubeadm patches ask of the bootstrap, merged in the order they were written. Both kubeadm API versions end up
 * here alike: extraArgs are maps from flag name to value. Settings the bootstrap cannot honour were rejected while
 * reading, so everything here can be applied.
 *
 * @param initRegistration  the first control plane's node registration ({@code InitConfiguration})
 * @param joinRegistration  every other node's ({@code JoinConfiguration})
 * @param kubelet           fields merged over kindj's KubeletConfiguration
 * @param kubeProxy         fields merged over kindj's KubeProxyConfiguration
 */
public record KubeadmConfig(Map<String, String> apiServerArgs, Map<String, String> controllerManagerArgs,
                            Map<String, String> schedulerArgs, Map<String, String> etcdArgs, List<String> certSANs,
                            NodeRegistration initRegistration, NodeRegistration joinRegistration,
                            Map<String, Object> kubelet, Map<String, Object> kubeProxy) {

    public static final KubeadmConfig EMPTY = new KubeadmConfig(null, null, null, null, null, null, null, null, null);

    public KubeadmConfig {
        apiServerArgs = Copies.map(apiServerArgs);
        controllerManagerArgs = Copies.map(controllerManagerArgs);
        schedulerArgs = Copies.map(schedulerArgs);
        etcdArgs = Copies.map(etcdArgs);
        certSANs = Copies.list(certSANs);
        initRegistration = initRegistration == null ? NodeRegistration.EMPTY : initRegistration;
        joinRegistration = joinRegistration == null ? NodeRegistration.EMPTY : joinRegistration;
        kubelet = Copies.map(kubelet);
        kubeProxy = Copies.map(kubeProxy);
    }

    /** kubeadm's view for one node: the first control plane registers with InitConfiguration, the rest join. */
    public NodeRegistration registration(boolean firstControlPlane) {
        return firstControlPlane ? initRegistration : joinRegistration;
    }

    /** This configuration with {@code later} patched over it: maps merge, everything else is replaced. */
    public KubeadmConfig overriddenBy(KubeadmConfig later) {
        return new KubeadmConfig(merged(apiServerArgs, later.apiServerArgs),
                merged(controllerManagerArgs, later.controllerManagerArgs), merged(schedulerArgs, later.schedulerArgs),
                merged(etcdArgs, later.etcdArgs), later.certSANs.isEmpty() ? certSANs : later.certSANs,
                initRegistration.overriddenBy(later.initRegistration),
                joinRegistration.overriddenBy(later.joinRegistration),
                mergedTree(kubelet, later.kubelet), mergedTree(kubeProxy, later.kubeProxy));
    }

    static <V> Map<String, V> merged(Map<String, V> earlier, Map<String, V> later) {
        Map<String, V> result = new LinkedHashMap<>(earlier);
        result.putAll(later);
        return result;
    }

    /** A strategic merge without list merge keys, as kind merges plain documents: maps merge deeply, the rest is replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mergedTree(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        patch.forEach((key, value) -> {
            Object old = result.get(key);
            if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap) {
                result.put(key, mergedTree((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    /**
     * {@code nodeRegistration} of an Init- or JoinConfiguration.
     *
     * @param kubeletExtraArgs kubelet flags, without {@code node-labels}, which are in {@code labels}
     * @param taints           null when not set (kindj's own taints apply); empty to register without taints
     */
    public record NodeRegistration(Map<String, String> kubeletExtraArgs, Map<String, String> labels,
                                   List<Taint> taints) {

        public static final NodeRegistration EMPTY = new NodeRegistration(null, null, null);

        public NodeRegistration {
            kubeletExtraArgs = Copies.map(kubeletExtraArgs);
            labels = Copies.map(labels);
            taints = taints == null ? null : List.copyOf(taints);
        }

        NodeRegistration overriddenBy(NodeRegistration later) {
            return new NodeRegistration(merged(kubeletExtraArgs, later.kubeletExtraArgs),
                    merged(labels, later.labels), later.taints == null ? taints : later.taints);
        }
    }
}
