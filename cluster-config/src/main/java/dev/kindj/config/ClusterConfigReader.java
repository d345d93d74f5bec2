package dev.kindj.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads kind's v1alpha4 Cluster schema from a composed YAML document. */
final class ClusterConfigReader {
    static final String KIND = "Cluster";
    static final String API_VERSION = "kind.x-k8s.io/v1alpha4";

    private final YamlReader yaml;
    private final List<String> warnings = new ArrayList<>();

    ClusterConfigReader(Problems problems) {
        this.yaml = new YamlReader(problems);
    }

    /** The configuration as far as it could be read, or null if the document is not a map at all. */
    ClusterConfig read(Node root) {
        if (!(root instanceof MappingNode)) {
            yaml.problems().reportAt(root, "", "expected a map starting with 'kind: " + KIND + "' and 'apiVersion: "
                    + API_VERSION + "'");
            return null;
        }
        yaml.problems().locate("", root);
        return yaml.object(root, "", this::cluster);
    }

    private ClusterConfig cluster(Fields fields) {
        checkTypeMeta(fields);
        String name = fields.string("name");
        List<NodeConfig> nodes = fields.list("nodes", (node, path) -> yaml.object(node, path, this::node));
        Networking networking = fields.object("networking", this::networking);
        Map<String, Boolean> featureGates = fields.map("featureGates", yaml::bool);
        Map<String, String> runtimeConfig = fields.map("runtimeConfig", yaml::string);
        List<String> kubeadmConfigPatches = kubeadmConfigPatches(fields);
        List<String> containerdConfigPatches = fields.strings("containerdConfigPatches");
        KubeadmPatches.check(kubeadmConfigPatches, nodes, networking, yaml.problems(), warnings);
        Warnings.evenControlPlanes(nodes).ifPresent(warnings::add);
        Warnings.containerdPatchesNotApplied(containerdConfigPatches).ifPresent(warnings::add);
        if (hasItems(fields, "containerdConfigPatchesJSON6902")) {
            // a registry mirror or runtime setting that silently does not apply changes what the cluster does
            yaml.problems().report(fields.path("containerdConfigPatchesJSON6902"), "kindj cannot apply JSON 6902 "
                    + "patches to containerd's configuration yet; remove them (or write the change as a TOML patch, "
                    + "knowing kindj does not apply those yet either)");
        }
        // kindj's own field, last so that "known fields are ..." lists kind's first
        Optional<String> registry = Optional.ofNullable(fields.string(RegistryName.CONFIG_FIELD));
        return new ClusterConfig(name, nodes, networking, featureGates, runtimeConfig, containerdConfigPatches,
                kubeadmConfigPatches, registry, warnings);
    }

    private void checkTypeMeta(Fields fields) {
        Problems problems = yaml.problems();
        String kind = fields.string("kind");
        if (kind == null) {
            problems.report("kind", "required; add 'kind: " + KIND + "'");
        } else if (!kind.equals(KIND)) {
            problems.report("kind", "'" + kind + "' is not supported; kind config files have 'kind: " + KIND + "'");
        }
        String apiVersion = fields.string("apiVersion");
        if (apiVersion == null) {
            problems.report("apiVersion", "required; add 'apiVersion: " + API_VERSION + "'");
        } else if (!apiVersion.equals(API_VERSION)) {
            problems.report("apiVersion", "'" + apiVersion + "' is not supported; use 'apiVersion: " + API_VERSION
                    + "'");
        }
    }

    private NodeConfig node(Fields fields) {
        NodeRole role = fields.choice("role", NodeRole.class);
        String image = fields.string("image");
        Map<String, String> labels = fields.map("labels", yaml::string);
        List<Mount> mounts = fields.list("extraMounts", (node, path) -> yaml.object(node, path, this::mount));
        List<PortMapping> portMappings = fields.list("extraPortMappings",
                (node, path) -> yaml.object(node, path, this::portMapping));
        List<String> kubeadmConfigPatches = kubeadmConfigPatches(fields);
        if (fields.string("gpus") != null) {
            warnings.add(fields.path("gpus") + ": kindj does not pass GPUs to nodes; this setting is ignored");
        }
        return new NodeConfig(role, image, labels, mounts, portMappings, kubeadmConfigPatches);
    }

    private Mount mount(Fields fields) {
        return new Mount(fields.string("hostPath"), fields.string("containerPath"), fields.bool("readOnly"),
                fields.bool("selinuxRelabel"), fields.choice("propagation", MountPropagation.class));
    }

    private PortMapping portMapping(Fields fields) {
        int containerPort = orZero(fields.integer("containerPort"));
        int hostPort = orZero(fields.integer("hostPort"));
        return new PortMapping(containerPort, randomForMinusOne(hostPort), fields.string("listenAddress"),
                fields.choice("protocol", PortProtocol.class));
    }

    private Networking networking(Fields fields) {
        IpFamily ipFamily = fields.choice("ipFamily", IpFamily.class);
        int apiServerPort = randomForMinusOne(orZero(fields.integer("apiServerPort")));
        String apiServerAddress = fields.string("apiServerAddress");
        String podSubnet = fields.string("podSubnet");
        String serviceSubnet = fields.string("serviceSubnet");
        boolean disableDefaultCNI = fields.bool("disableDefaultCNI");
        KubeProxyMode kubeProxyMode = fields.choice("kubeProxyMode", KubeProxyMode.class);
        List<String> dnsSearch = fields.stringsOrNull("dnsSearch");
        return new Networking(ipFamily, apiServerAddress, apiServerPort, podSubnet, serviceSubnet,
                disableDefaultCNI, kubeProxyMode, dnsSearch);
    }

    /** The patches' text; where each starts in the file is kept so that problems inside it get their line. */
    private List<String> kubeadmConfigPatches(Fields fields) {
        List<String> patches = fields.list("kubeadmConfigPatches", (node, path) -> {
            if (node instanceof ScalarNode scalar) {
                yaml.problems().locateText(path, scalar);
            }
            return yaml.string(node, path);
        });
        if (hasItems(fields, "kubeadmConfigPatchesJSON6902")) {
            warnings.add(fields.path("kubeadmConfigPatchesJSON6902") + ": kindj does not apply JSON 6902 patches to "
                    + "kubeadm documents yet; these patches are ignored, write them as kubeadmConfigPatches instead");
        }
        return patches;
    }

    /** For list fields kind knows but kindj does not honour, so their items are not worth checking. */
    private static boolean hasItems(Fields fields, String name) {
        return !fields.list(name, (node, path) -> node).isEmpty();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** kind's -1 lets the container runtime pick the port; kindj always picks a free one itself for 0. */
    private static int randomForMinusOne(int port) {
        return port == -1 ? 0 : port;
    }
}
