package dev.kindj.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node container; an entry of kind's {@code nodes}. Null collections mean empty.
 *
 * @param role                 null means {@link NodeRole#CONTROL_PLANE}, as in kind
 * @param image                null means the default node image, chosen by whoever provisions the cluster
 * @param kubeadmConfigPatches kind's patches for this node only, applied after the cluster's; from a config file, its
 *                             JSON 6902 ones follow, translated to the merge patches they amount to
 */
public record NodeConfig(NodeRole role, String image, Map<String, String> labels, List<Mount> extraMounts,
                         List<PortMapping> extraPortMappings, List<String> kubeadmConfigPatches) {

    public NodeConfig {
        role = role == null ? NodeRole.CONTROL_PLANE : role;
        labels = Copies.map(labels);
        extraMounts = Copies.list(extraMounts);
        extraPortMappings = Copies.list(extraPortMappings);
        kubeadmConfigPatches = Copies.list(kubeadmConfigPatches);
    }

    public static NodeConfig of(NodeRole role) {
        return new NodeConfig(role, null, null, null, null, null);
    }

    public static NodeConfig controlPlane() {
        return of(NodeRole.CONTROL_PLANE);
    }

    public static NodeConfig worker() {
        return of(NodeRole.WORKER);
    }

    public NodeConfig withImage(String newImage) {
        return new NodeConfig(role, newImage, labels, extraMounts, extraPortMappings, kubeadmConfigPatches);
    }

    public NodeConfig withLabel(String key, String value) {
        Map<String, String> newLabels = new LinkedHashMap<>(labels);
        newLabels.put(key, value);
        return new NodeConfig(role, image, newLabels, extraMounts, extraPortMappings, kubeadmConfigPatches);
    }

    public NodeConfig withExtraMount(Mount mount) {
        return new NodeConfig(role, image, labels, appended(extraMounts, mount), extraPortMappings,
                kubeadmConfigPatches);
    }

    public NodeConfig withExtraPortMapping(PortMapping mapping) {
        return new NodeConfig(role, image, labels, extraMounts, appended(extraPortMappings, mapping),
                kubeadmConfigPatches);
    }

    public NodeConfig withKubeadmConfigPatch(String yamlPatch) {
        return new NodeConfig(role, image, labels, extraMounts, extraPortMappings,
                appended(kubeadmConfigPatches, yamlPatch));
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
