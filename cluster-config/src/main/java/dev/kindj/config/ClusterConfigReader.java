package dev.kindj.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads kind's v1alpha4 Cluster schema from a composed YAML document. */
final class ClusterConfigReader {
    static final String KIND = "Cluster";
    static final String API_VERSION = "kind.x-k8s.io/v1alpha4";
    private static final String KUBEADM_PATCHES = "kubeadmConfigPatches";

    private final YamlReader yaml;
    private final List<String> warnings = new ArrayList<>();
    /** Each node's kubeadmConfigPatchesJSON6902 by the node's path, applied over the cluster's. */
    private final Map<String, List<KubeadmJsonPatch>> nodeJsonPatches = new HashMap<>();

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
        List<NodeConfig> nodes = fields.list("nodes", (node, path) -> yaml.object(node, path,
                nodeFields -> node(nodeFields, path)));
        Networking networking = fields.object("networking", this::networking);
        Map<String, Boolean> featureGates = fields.map("featureGates", yaml::bool);
        Map<String, String> runtimeConfig = fields.map("runtimeConfig", yaml::string);
        List<String> kubeadmConfigPatches = patchTexts(fields, KUBEADM_PATCHES);
        List<KubeadmJsonPatch> kubeadmJsonPatches = kubeadmJsonPatches(fields);
        List<String> containerdConfigPatches = patchTexts(fields, ContainerdPatches.TOML_FIELD);
        List<String> containerdConfigPatchesJson6902 = patchTexts(fields, ContainerdPatches.JSON6902_FIELD);
        KubeadmPatches.Translations translations = KubeadmPatches.check(kubeadmConfigPatches, kubeadmJsonPatches,
                nodes, IntStream.range(0, nodes.size()).mapToObj(i -> nodeJsonPatches.getOrDefault(
                        FieldPath.index("nodes", i), List.of())).toList(), networking, yaml.problems(), warnings);
        ContainerdPatches.check(containerdConfigPatches, containerdConfigPatchesJson6902, yaml.problems());
        Warnings.evenControlPlanes(nodes).ifPresent(warnings::add);
        // kindj's own field, last so that "known fields are ..." lists kind's first
        Optional<String> registry = Optional.ofNullable(fields.string(RegistryName.CONFIG_FIELD));
        return new ClusterConfig(name, withTranslations(nodes, translations.nodes()), networking, featureGates,
                runtimeConfig, containerdConfigPatches, containerdConfigPatchesJson6902,
                concat(kubeadmConfigPatches, translations.cluster()), registry, warnings);
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

    private NodeConfig node(Fields fields, String nodePath) {
        NodeRole role = fields.choice("role", NodeRole.class);
        String image = fields.string("image");
        Map<String, String> labels = fields.map("labels", yaml::string);
        List<Mount> mounts = fields.list("extraMounts", (node, path) -> yaml.object(node, path, this::mount));
        List<PortMapping> portMappings = fields.list("extraPortMappings",
                (node, path) -> yaml.object(node, path, this::portMapping));
        List<String> kubeadmConfigPatches = patchTexts(fields, KUBEADM_PATCHES);
        nodeJsonPatches.put(nodePath, kubeadmJsonPatches(fields));
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

    private List<KubeadmJsonPatch> kubeadmJsonPatches(Fields fields) {
        return fields.list(KUBEADM_PATCHES + "JSON6902", (node, path) -> yaml.object(node, path, entry ->
                new KubeadmJsonPatch(entry.string("group"), entry.string("version"), entry.string("kind"),
                        entry.documentText("patch"), path)));
    }

    /** kind applies the JSON 6902 patches after the merge patches of the same level: they go last. */
    private static List<NodeConfig> withTranslations(List<NodeConfig> nodes, List<List<String>> translations) {
        List<NodeConfig> result = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeConfig node = nodes.get(i);
            for (String patch : translations.get(i)) {
                node = node.withKubeadmConfigPatch(patch);
            }
            result.add(node);
        }
        return result;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> result = new ArrayList<>(first);
        result.addAll(second);
        return result;
    }

    /** The patches' text; where each starts in the file is kept so that problems inside it get their line. */
    private List<String> patchTexts(Fields fields, String name) {
        return fields.list(name, (node, path) -> {
            if (node instanceof ScalarNode scalar) {
                yaml.problems().locateText(path, scalar);
            }
            return yaml.string(node, path);
        });
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** kind's -1 lets the container runtime pick the port; kindj always picks a free one itself for 0. */
    private static int randomForMinusOne(int port) {
        return port == -1 ? 0 : port;
    }
}
