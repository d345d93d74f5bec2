package dev.kindj.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind {@code kind.x-k8s.io/v1alpha4} {@code Cluster}, with kind's defaults applied. Null arguments mean the
 * default; no nodes means one control-plane node, as in kind. Instances from {@link ClusterConfigLoader},
 * {@link #builder()} and {@link #withName(String)} are validated.
 *
 * @param containerdConfigPatches         TOML merge patches of every node's containerd configuration, in order
 * @param containerdConfigPatchesJSON6902 JSON 6902 patches of it (as YAML or JSON text), applied after the TOML ones
 * @param kubeadmConfigPatches kind's patches of the kubeadm, kubelet and kube-proxy documents of every node, followed
 *                             by its JSON 6902 ones translated to the merge patches they amount to; see
 *                             {@link #kubeadmFor(NodeConfig)}
 * @param registry             the kindj local registry the nodes pull {@code localhost:<port>/...} from (kindj's
 *                             extension field {@value RegistryName#CONFIG_FIELD}); empty for none
 * @param warnings             settings that were accepted but are not honoured, each naming its field path
 */
public record ClusterConfig(String name, List<NodeConfig> nodes, Networking networking,
                            Map<String, Boolean> featureGates, Map<String, String> runtimeConfig,
                            List<String> containerdConfigPatches, List<String> containerdConfigPatchesJSON6902,
                            List<String> kubeadmConfigPatches, Optional<String> registry, List<String> warnings) {

    public static final String DEFAULT_NAME = "kind";
    /** Where kube-apiserver listens in its node, as kubeadm's default. */
    public static final int API_SERVER_CONTAINER_PORT = 6443;

    public ClusterConfig {
        name = name == null ? DEFAULT_NAME : name;
        nodes = nodes == null || nodes.isEmpty() ? List.of(NodeConfig.controlPlane()) : List.copyOf(nodes);
        networking = networking == null ? Networking.defaults() : networking;
        featureGates = Copies.map(featureGates);
        runtimeConfig = Copies.map(runtimeConfig);
        containerdConfigPatches = Copies.list(containerdConfigPatches);
        containerdConfigPatchesJSON6902 = Copies.list(containerdConfigPatchesJSON6902);
        kubeadmConfigPatches = Copies.list(kubeadmConfigPatches);
        registry = registry == null ? Optional.empty() : registry;
        warnings = Copies.list(warnings);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<NodeConfig> controlPlanes() {
        return nodes.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE).toList();
    }

    public List<NodeConfig> workers() {
        return nodes.stream().filter(node -> node.role() == NodeRole.WORKER).toList();
    }

    /** What the cluster's kubeadm patches, then the node's own, ask of that node's bootstrap. */
    public KubeadmConfig kubeadmFor(NodeConfig node) {
        return KubeadmPatches.merge(kubeadmConfigPatches).overriddenBy(KubeadmPatches.merge(node.kubeadmConfigPatches()));
    }

    /**
     * Every host port asked for by number: the API server's and each node's extra port mappings. Port 0 (Docker
     * picks one) is left out; the API server listens on container port {@value #API_SERVER_CONTAINER_PORT}.
     */
    public List<HostPortRequest> fixedHostPorts() {
        List<HostPortRequest> ports = new ArrayList<>();
        if (networking.apiServerPort() != 0) {
            ports.add(new HostPortRequest("networking.apiServerPort", new PortMapping(API_SERVER_CONTAINER_PORT,
                    networking.apiServerPort(), networking.apiServerAddress(), PortProtocol.TCP)));
        }
        for (int i = 0; i < nodes.size(); i++) {
            List<PortMapping> mappings = nodes.get(i).extraPortMappings();
            for (int j = 0; j < mappings.size(); j++) {
                if (mappings.get(j).hostPort() != 0) {
                    ports.add(new HostPortRequest(FieldPath.index(FieldPath.index("nodes", i) + ".extraPortMappings", j),
                            mappings.get(j)));
                }
            }
        }
        return ports;
    }

    /**
     * A copy with another cluster name, as for {@code --name}.
     *
     * @throws ConfigException if the name is not valid
     */
    public ClusterConfig withName(String newName) {
        return validated(new ClusterConfig(newName, nodes, networking, featureGates, runtimeConfig,
                containerdConfigPatches, containerdConfigPatchesJSON6902, kubeadmConfigPatches, registry, warnings),
                new Problems("withName"));
    }

    /**
     * A copy whose nodes use this kindj local registry, as for {@code --registry}.
     *
     * @throws ConfigException if the name is not valid
     */
    public ClusterConfig withRegistry(String registryName) {
        return validated(new ClusterConfig(name, nodes, networking, featureGates, runtimeConfig,
                containerdConfigPatches, containerdConfigPatchesJSON6902, kubeadmConfigPatches,
                Optional.of(registryName), warnings), new Problems("withRegistry"));
    }

    /**
     * A copy whose API server is published on this address (kind's {@code networking.apiServerAddress}), as for
     * {@code --api-server-address}.
     *
     * @throws ConfigException if it is not an IP address
     */
    public ClusterConfig withApiServerAddress(String address) {
        return validated(new ClusterConfig(name, nodes, networking.withApiServerAddress(address), featureGates,
                runtimeConfig, containerdConfigPatches, containerdConfigPatchesJSON6902, kubeadmConfigPatches, registry,
                warnings), new Problems("withApiServerAddress"));
    }

    private static ClusterConfig validated(ClusterConfig config, Problems problems) {
        ConfigValidator.validate(config, problems);
        problems.throwIfAny();
        return config;
    }

    /** Builds a cluster in Java; nodes are kept in the order they are added. */
    public static final class Builder {
        private String name;
        private final List<NodeConfig> nodes = new ArrayList<>();
        private Networking networking;
        private final Map<String, Boolean> featureGates = new LinkedHashMap<>();
        private final Map<String, String> runtimeConfig = new LinkedHashMap<>();
        private final List<String> containerdConfigPatches = new ArrayList<>();
        private final List<String> containerdConfigPatchesJSON6902 = new ArrayList<>();
        private final List<String> kubeadmConfigPatches = new ArrayList<>();
        private final List<KubeadmJsonPatch> kubeadmConfigPatchesJSON6902 = new ArrayList<>();
        private String registry;

        private Builder() {
        }

        public Builder withName(String clusterName) {
            this.name = clusterName;
            return this;
        }

        /** Adds {@code count} control-plane nodes with default settings. */
        public Builder withControlPlanes(int count) {
            return withNodes(count, NodeConfig.controlPlane());
        }

        /** Adds {@code count} worker nodes with default settings. */
        public Builder withWorkers(int count) {
            return withNodes(count, NodeConfig.worker());
        }

        public Builder withNode(NodeConfig node) {
            nodes.add(node);
            return this;
        }

        public Builder withNetworking(Networking clusterNetworking) {
            this.networking = clusterNetworking;
            return this;
        }

        public Builder withFeatureGate(String gate, boolean enabled) {
            featureGates.put(gate, enabled);
            return this;
        }

        public Builder withRuntimeConfig(String key, String value) {
            runtimeConfig.put(key, value);
            return this;
        }

        /** A TOML patch merged into every node's containerd configuration, as kind's {@code containerdConfigPatches}. */
        public Builder withContainerdConfigPatch(String tomlPatch) {
            containerdConfigPatches.add(tomlPatch);
            return this;
        }

        /** A JSON 6902 patch (YAML or JSON list of operations) of every node's containerd configuration. */
        public Builder withContainerdConfigPatchJSON6902(String operations) {
            containerdConfigPatchesJSON6902.add(operations);
            return this;
        }

        /** A kind kubeadm patch (YAML with a {@code kind}) for every node; see {@link ClusterConfig#kubeadmFor}. */
        public Builder withKubeadmConfigPatch(String yamlPatch) {
            kubeadmConfigPatches.add(yamlPatch);
            return this;
        }

        /**
         * A kind JSON 6902 kubeadm patch for every node, applied after the merge patches as kind does: RFC 6902
         * operations (YAML or JSON) on the document of that group, version (null for any) and kind.
         */
        public Builder withKubeadmConfigPatchJSON6902(String group, String version, String kind, String operations) {
            kubeadmConfigPatchesJSON6902.add(new KubeadmJsonPatch(group, version, kind, operations,
                    FieldPath.index("kubeadmConfigPatchesJSON6902", kubeadmConfigPatchesJSON6902.size())));
            return this;
        }

        /** The kindj local registry the nodes pull {@code localhost:<port>/...} from. */
        public Builder withRegistry(String registryName) {
            this.registry = registryName;
            return this;
        }

        /** @throws ConfigException listing every problem of the configuration */
        public ClusterConfig build() {
            List<String> warnings = new ArrayList<>();
            Problems problems = new Problems("ClusterConfig.builder()");
            List<List<KubeadmJsonPatch>> noNodeJsonPatches = nodes.stream().map(node -> List.<KubeadmJsonPatch>of())
                    .toList();
            KubeadmPatches.Translations translations = KubeadmPatches.check(kubeadmConfigPatches,
                    kubeadmConfigPatchesJSON6902, nodes, noNodeJsonPatches, networking, problems, warnings);
            ContainerdPatches.check(containerdConfigPatches, containerdConfigPatchesJSON6902, problems);
            Warnings.evenControlPlanes(nodes).ifPresent(warnings::add);
            List<String> allKubeadmPatches = new ArrayList<>(kubeadmConfigPatches);
            allKubeadmPatches.addAll(translations.cluster());
            return validated(new ClusterConfig(name, nodes, networking, featureGates, runtimeConfig,
                    containerdConfigPatches, containerdConfigPatchesJSON6902, allKubeadmPatches,
                    Optional.ofNullable(registry), warnings), problems);
        }

        private Builder withNodes(int count, NodeConfig node) {
            if (count < 0) {
                throw new IllegalArgumentException("node count must not be negative, got " + count);
            }
            for (int i = 0; i < count; i++) {
                nodes.add(node);
            }
            return this;
        }
    }
}
