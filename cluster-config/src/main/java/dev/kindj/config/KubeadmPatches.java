package dev.kindj.config;

import dev.kindj.config.KubeadmConfig.NodeRegistration;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads kind's {@code kubeadmConfigPatches}: each one a YAML document patched over the kubeadm, kubelet or kube-proxy
 * document of the same {@code kind}. kindj runs no kubeadm, so each field either maps to a setting of its bootstrap,
 * is refused with the reason (it would break the bootstrap or contradict kind's own fields), or is warned about.
 */
final class KubeadmPatches {
    static final String CLUSTER = "ClusterConfiguration";
    static final String INIT = "InitConfiguration";
    static final String JOIN = "JoinConfiguration";
    static final String KUBELET = "KubeletConfiguration";
    static final String KUBE_PROXY = "KubeProxyConfiguration";
    static final String V1BETA3 = "kubeadm.k8s.io/v1beta3";
    static final String V1BETA4 = "kubeadm.k8s.io/v1beta4";
    static final Map<String, Set<String>> API_VERSIONS = Map.of(
            CLUSTER, Set.of(V1BETA3, V1BETA4), INIT, Set.of(V1BETA3, V1BETA4), JOIN, Set.of(V1BETA3, V1BETA4),
            KUBELET, Set.of("kubelet.config.k8s.io/v1beta1"), KUBE_PROXY, Set.of("kubeproxy.config.k8s.io/v1alpha1"));
    static final List<String> KINDS = List.of(CLUSTER, INIT, JOIN, KUBELET, KUBE_PROXY);
    static final String CLUSTER_DOMAIN = "cluster.local";

    /**
     * Flags kindj's bootstrap sets to its own certificates, keys and data, or to the ports and addresses its components
     * reach each other at. Other file flags (an OIDC CA, an audit policy) stay open: node files come from extraMounts.
     */
    private static final Map<String, Set<String>> OWNED_FLAGS = Map.of(
            "kube-apiserver", Set.of("secure-port", "advertise-address", "etcd-servers", "requestheader-allowed-names",
                    "client-ca-file", "tls-cert-file", "tls-private-key-file", "etcd-cafile", "etcd-certfile",
                    "etcd-keyfile", "kubelet-client-certificate", "kubelet-client-key", "proxy-client-cert-file",
                    "proxy-client-key-file", "requestheader-client-ca-file", "service-account-key-file",
                    "service-account-signing-key-file"),
            "kube-controller-manager", Set.of("bind-address", "allocate-node-cidrs", "controllers",
                    "use-service-account-credentials", "client-ca-file", "requestheader-client-ca-file",
                    "root-ca-file", "service-account-private-key-file", "cluster-signing-cert-file",
                    "cluster-signing-key-file"),
            "kube-scheduler", Set.of("bind-address"),
            "etcd", Set.of("name", "listen-client-urls", "advertise-client-urls", "listen-peer-urls",
                    "initial-advertise-peer-urls", "initial-cluster", "initial-cluster-state", "client-cert-auth",
                    "peer-client-cert-auth", "cert-file", "key-file", "trusted-ca-file", "peer-cert-file",
                    "peer-key-file", "peer-trusted-ca-file"),
            "kubelet", Set.of("config", "node-ip", "hostname-override", "container-runtime-endpoint"));
    /** Kubeconfigs and directories are always the bootstrap's. */
    private static final List<String> OWNED_FLAG_ENDINGS = List.of("kubeconfig", "-dir");
    private static final Set<String> TAINT_EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    /** KubeletConfiguration fields the bootstrap depends on: its certificates, runtime socket and health checks. */
    private static final Set<String> KUBELET_OWNED = Set.of("authentication", "authorization",
            "containerRuntimeEndpoint", "cgroupDriver", "clusterDomain", "clusterDNS", "tlsCertFile",
            "tlsPrivateKeyFile", "healthzBindAddress", "healthzPort", "staticPodPath", "rotateCertificates",
            "failCgroupV1");
    private static final Set<String> KUBE_PROXY_OWNED = Set.of("clientConnection", "hostnameOverride");
    /** Types of well-known component configuration fields, checked so a mistake points at the patch, not the node. */
    private static final Map<String, String> FIELD_TYPES = Map.ofEntries(
            Map.entry("maxPods", "int"), Map.entry("podsPerCore", "int"), Map.entry("podPidsLimit", "int"),
            Map.entry("imageGCHighThresholdPercent", "int"), Map.entry("imageGCLowThresholdPercent", "int"),
            Map.entry("maxOpenFiles", "int"), Map.entry("serializeImagePulls", "bool"),
            Map.entry("failSwapOn", "bool"), Map.entry("evictionHard", "map"), Map.entry("evictionSoft", "map"),
            Map.entry("systemReserved", "map"), Map.entry("kubeReserved", "map"), Map.entry("featureGates", "map"));

    private final Problems problems;
    private final List<String> warnings;
    private final Networking networking;
    private final String textPath;
    private String apiVersion;

    private KubeadmPatches(Problems problems, List<String> warnings, Networking networking, String textPath) {
        this.problems = problems;
        this.warnings = warnings;
        this.networking = networking;
        this.textPath = textPath;
    }

    /**
     * The patches merged in order; problems point into the file where {@link Problems#locateText} saw them.
     *
     * @param networking kind's networking the patches must agree with; null when already checked
     */
    static KubeadmConfig read(List<String> patches, String listPath, Networking networking, Problems problems,
                              List<String> warnings) {
        KubeadmConfig merged = KubeadmConfig.EMPTY;
        for (int i = 0; i < patches.size(); i++) {
            KubeadmPatches reader = new KubeadmPatches(problems, warnings, networking, FieldPath.index(listPath, i));
            merged = merged.overriddenBy(reader.patch(patches.get(i)));
        }
        return merged;
    }

    /**
     * What a JSON 6902 patch translated to a merge patch asks. The text is kindj's, not the file's: the caller gives
     * problems their position.
     */
    static KubeadmConfig readTranslated(String mergePatch, String patchPath, Networking networking, Problems problems,
                                        List<String> warnings) {
        return new KubeadmPatches(problems, warnings, networking, patchPath).patch(mergePatch);
    }

    /**
     * The JSON 6902 patches of a configuration, translated to merge patches.
     *
     * @param nodes each node's, in the order of the nodes
     */
    record Translations(List<String> cluster, List<List<String>> nodes) {
    }

    /**
     * Checks the patches in kind's order (the cluster's merge patches, its JSON 6902 patches, then each node's merge
     * and JSON 6902 patches over those) and translates the JSON 6902 ones.
     */
    static Translations check(List<String> clusterPatches, List<KubeadmJsonPatch> clusterJsonPatches,
                              List<NodeConfig> nodes, List<List<KubeadmJsonPatch>> nodeJsonPatches,
                              Networking networking, Problems problems, List<String> warnings) {
        Networking agreed = networking == null ? Networking.defaults() : networking;
        KubeadmConfig cluster = read(clusterPatches, "kubeadmConfigPatches", agreed, problems, warnings);
        List<KubeadmJsonPatches.Translation> clusterTranslations = KubeadmJsonPatches.translate(clusterJsonPatches,
                cluster, agreed, problems, warnings);
        cluster = overridden(cluster, clusterTranslations);
        List<List<String>> nodeTranslations = new ArrayList<>();
        boolean firstControlPlaneSeen = false;
        for (int i = 0; i < nodes.size(); i++) {
            NodeConfig node = nodes.get(i);
            if (node == null) {
                nodeTranslations.add(List.of());
                continue;
            }
            String path = FieldPath.field(FieldPath.index("nodes", i), "kubeadmConfigPatches");
            KubeadmConfig own = read(node.kubeadmConfigPatches(), path, agreed, problems, warnings);
            List<KubeadmJsonPatches.Translation> translations = KubeadmJsonPatches.translate(nodeJsonPatches.get(i),
                    cluster.overriddenBy(own), agreed, problems, warnings);
            nodeTranslations.add(mergePatches(translations));
            boolean controlPlane = node.role() == NodeRole.CONTROL_PLANE;
            boolean firstControlPlane = controlPlane && !firstControlPlaneSeen;
            warnUnused(own, path, firstControlPlane, !controlPlane, warnings);
            warnUnused(overridden(KubeadmConfig.EMPTY, translations), path + "JSON6902", firstControlPlane,
                    !controlPlane, warnings);
            firstControlPlaneSeen |= controlPlane;
        }
        return new Translations(mergePatches(clusterTranslations), nodeTranslations);
    }

    private static KubeadmConfig overridden(KubeadmConfig config, List<KubeadmJsonPatches.Translation> translations) {
        KubeadmConfig result = config;
        for (KubeadmJsonPatches.Translation translation : translations) {
            result = result.overriddenBy(translation.config());
        }
        return result;
    }

    private static List<String> mergePatches(List<KubeadmJsonPatches.Translation> translations) {
        return translations.stream().map(KubeadmJsonPatches.Translation::mergePatch).toList();
    }

    /** Patches of a configuration that was validated when it was built. */
    static KubeadmConfig merge(List<String> patches) {
        Problems problems = new Problems("kubeadmConfigPatches");
        KubeadmConfig merged = read(patches, "kubeadmConfigPatches", null, problems, new ArrayList<>());
        problems.throwIfAny();
        return merged;
    }

    /** kind applies a node's patches to that node's kubeadm documents only; say which of them no node reads. */
    private static void warnUnused(KubeadmConfig config, String listPath, boolean firstControlPlane, boolean worker,
                                   List<String> warnings) {
        if (worker && (!config.apiServerArgs().isEmpty() || !config.controllerManagerArgs().isEmpty()
                || !config.schedulerArgs().isEmpty() || !config.etcdArgs().isEmpty() || !config.certSANs().isEmpty())) {
            warnings.add(listPath + ": a worker runs no control-plane components; its " + CLUSTER
                    + " settings are ignored");
        }
        if (!firstControlPlane && !config.initRegistration().equals(NodeRegistration.EMPTY)) {
            warnings.add(listPath + ": only the first control-plane node is set up with " + INIT + " (the others "
                    + "join); its " + INIT + " settings are ignored, use " + JOIN);
        }
        if (firstControlPlane && !config.joinRegistration().equals(NodeRegistration.EMPTY)) {
            warnings.add(listPath + ": the first control-plane node is set up with " + INIT + ", not " + JOIN
                    + "; its " + JOIN + " settings are ignored");
        }
    }

    private KubeadmConfig patch(String text) {
        Node root;
        Map<String, Object> plain;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            plain = root instanceof MappingNode ? new Yaml(new LoaderOptions()).load(text) : Map.of();
        } catch (MarkedYAMLException e) {
            problems.reportInText(textPath, e.getProblemMark(), textPath, "the patch is not valid YAML: "
                    + e.getProblem());
            return KubeadmConfig.EMPTY;
        } catch (YAMLException e) {
            problems.reportInText(textPath, null, textPath, "the patch is not valid YAML: " + e.getMessage());
            return KubeadmConfig.EMPTY;
        }
        if (!(root instanceof MappingNode)) {
            problems.reportInText(textPath, null, textPath, "a kubeadm patch is a YAML map with a 'kind', such as "
                    + "'kind: " + CLUSTER + "'");
            return KubeadmConfig.EMPTY;
        }
        Doc doc = new Doc(root, textPath);
        Node kindNode = doc.take("kind");
        String kind = kindNode instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (kind == null || !API_VERSIONS.containsKey(kind)) {
            error(kindNode == null ? root : kindNode, FieldPath.field(textPath, "kind"), (kind == null ? "missing"
                    : "'" + kind + "' is not a kind kindj can patch") + "; kind applies a patch to the document of the "
                    + "same kind, one of " + String.join(", ", KINDS));
            return KubeadmConfig.EMPTY;
        }
        Node versionNode = doc.take("apiVersion");
        apiVersion = versionNode instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (versionNode != null && !API_VERSIONS.get(kind).contains(apiVersion)) {
            error(versionNode, FieldPath.field(textPath, "apiVersion"), "'" + apiVersion + "' is not an API version"
                    + " of " + kind + " kindj reads; use " + String.join(" or ", API_VERSIONS.get(kind).stream()
                    .sorted().toList()) + ", or leave apiVersion out to patch any version");
            return KubeadmConfig.EMPTY;
        }
        doc.take("metadata");
        return switch (kind) {
            case CLUSTER -> clusterConfiguration(doc);
            case INIT -> new KubeadmConfig(null, null, null, null, null, nodeRegistration(doc), null, null, null);
            case JOIN -> new KubeadmConfig(null, null, null, null, null, null, nodeRegistration(doc), null, null);
            case KUBELET -> new KubeadmConfig(null, null, null, null, null, null, null,
                    componentConfig(doc, plain, KUBELET_OWNED), null);
            default -> new KubeadmConfig(null, null, null, null, null, null, null, null,
                    componentConfig(doc, plain, KUBE_PROXY_OWNED));
        };
    }

    private KubeadmConfig clusterConfiguration(Doc doc) {
        Doc apiServer = doc.object("apiServer");
        Map<String, String> apiServerArgs = args(apiServer, "kube-apiserver");
        List<String> certSANs = strings(apiServer.take("certSANs"), apiServer.path("certSANs"));
        checkVolumes(apiServer);
        apiServer.warnRest();
        Doc controllerManager = doc.object("controllerManager");
        Map<String, String> controllerManagerArgs = args(controllerManager, "kube-controller-manager");
        checkVolumes(controllerManager);
        controllerManager.warnRest();
        Doc scheduler = doc.object("scheduler");
        Map<String, String> schedulerArgs = args(scheduler, "kube-scheduler");
        checkVolumes(scheduler);
        scheduler.warnRest();
        Doc etcd = doc.object("etcd");
        rejectIfSet(etcd, "external", "kindj runs etcd on each control plane itself");
        Doc local = etcd.object("local");
        Map<String, String> etcdArgs = args(local, "etcd");
        rejectIfSet(local, "dataDir", "etcd's data directory is part of the node's layout");
        local.warnRest();
        etcd.warnRest();
        Doc clusterNetworking = doc.object("networking");
        if (networking != null) {
            mustAgree(clusterNetworking, "podSubnet", networking.podSubnet(), "networking.podSubnet");
            mustAgree(clusterNetworking, "serviceSubnet", networking.serviceSubnet(), "networking.serviceSubnet");
        }
        mustAgree(clusterNetworking, "dnsDomain", CLUSTER_DOMAIN, "kindj's cluster domain");
        clusterNetworking.warnRest();
        rejectIfSet(doc, "certificatesDir", "kindj writes its certificates where its components expect them");
        rejectIfSet(doc, "controlPlaneEndpoint", "kindj points nodes at its own load balancer or control plane");
        doc.warnRest();
        return new KubeadmConfig(apiServerArgs, controllerManagerArgs, schedulerArgs, etcdArgs, certSANs, null, null,
                null, null);
    }

    /**
     * kubeadm mounts a node path into a component's pod; kindj runs the components on the node itself, so a volume
     * whose mountPath is its hostPath (as in kind's audit guide) already holds, and any other would leave the
     * component's flags pointing at a path that does not exist.
     */
    private void checkVolumes(Doc component) {
        Node node = component.take("extraVolumes");
        String path = component.path("extraVolumes");
        if (node == null) {
            return;
        }
        if (!(node instanceof SequenceNode volumes)) {
            error(node, path, "expected a list of volumes, each with name, hostPath and mountPath");
            return;
        }
        for (int i = 0; i < volumes.getValue().size(); i++) {
            Node item = volumes.getValue().get(i);
            Doc volume = new Doc(item, FieldPath.index(path, i));
            volume.take("name");
            volume.take("readOnly");
            volume.take("pathType");
            String hostPath = volume.string("hostPath");
            Node mountNode = volume.field("mountPath");
            String mountPath = volume.string("mountPath");
            if (hostPath == null || !hostPath.equals(mountPath)) {
                error(mountNode == null ? item : mountNode, volume.path("mountPath"), "kindj runs the component on the node itself, where it sees '"
                        + hostPath + "' directly; use the same path as hostPath (and in the component's flags)");
            }
            volume.warnRest();
        }
    }

    private NodeRegistration nodeRegistration(Doc doc) {
        Doc registration = doc.object("nodeRegistration");
        rejectIfSet(registration, "name", "kindj names nodes after the cluster");
        rejectIfSet(registration, "criSocket", "the node image's containerd is the runtime");
        Node kubeletArgsNode = registration.take("kubeletExtraArgs");
        Map<String, String> kubeletArgs = args(kubeletArgsNode, registration.path("kubeletExtraArgs"), "kubelet");
        Map<String, String> labels = new LinkedHashMap<>();
        String nodeLabels = kubeletArgs.remove("node-labels");
        if (nodeLabels != null) {
            for (String label : nodeLabels.split(",")) {
                int equals = label.indexOf('=');
                if (equals > 0) {
                    String key = label.substring(0, equals).trim();
                    String value = label.substring(equals + 1).trim();
                    LabelRules.keyProblem(key).or(() -> LabelRules.valueProblem(value)).ifPresent(problem ->
                            error(kubeletArgsNode, registration.path("kubeletExtraArgs") + ".node-labels", problem));
                    labels.put(key, value);
                } else {
                    error(kubeletArgsNode, registration.path("kubeletExtraArgs") + ".node-labels",
                            "'" + label + "' is not key=value");
                }
            }
        }
        List<Taint> taints = taints(registration.take("taints"), registration.path("taints"));
        registration.warnRest();
        doc.warnRest();
        return new NodeRegistration(kubeletArgs, labels, taints);
    }

    private List<Taint> taints(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            error(node, path, "expected a list of taints, each with key, value and effect");
            return null;
        }
        List<Taint> taints = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Doc taint = new Doc(sequence.getValue().get(i), FieldPath.index(path, i));
            String key = taint.string("key");
            String value = taint.string("value");
            String effect = taint.string("effect");
            if (key == null) {
                error(sequence.getValue().get(i), taint.path("key"), "a taint needs a key");
            } else if (!TAINT_EFFECTS.contains(effect)) {
                error(sequence.getValue().get(i), taint.path("effect"), "'" + effect + "' is not a taint effect; "
                        + "use " + String.join(", ", TAINT_EFFECTS.stream().sorted().toList()));
            } else {
                taints.add(new Taint(key, value, effect));
            }
            taint.warnRest();
        }
        return taints;
    }

    /** A KubeletConfiguration or KubeProxyConfiguration patch as plain values, to merge over kindj's document. */
    private Map<String, Object> componentConfig(Doc doc, Map<String, Object> plain, Set<String> owned) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : List.copyOf(doc.names())) {
            Node value = doc.take(name);
            String path = doc.path(name);
            if (owned.contains(name)) {
                error(value, path, "kindj's bootstrap sets " + name + " itself (certificates, runtime and health"
                        + " checks depend on it); it cannot be patched");
            } else if (name.equals("clusterCIDR") && networking != null) {
                mustEqual(value, path, networking.podSubnet(), "networking.podSubnet");
            } else if (name.equals("mode") && networking != null) {
                mustEqual(value, path, networking.kubeProxyMode().yamlName(), "networking.kubeProxyMode");
            } else if (hasType(value, path, FIELD_TYPES.get(name)) && value != null) {
                fields.put(name, plain.get(name));
            }
        }
        return fields;
    }

    private boolean hasType(Node node, String path, String type) {
        boolean ok = node == null || type == null
                || type.equals("int") && node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)
                || type.equals("bool") && node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)
                || type.equals("map") && node instanceof MappingNode;
        if (!ok) {
            error(node, path, "expected " + switch (type) {
                case "int" -> "an integer";
                case "bool" -> "true or false";
                default -> "a map";
            });
        }
        return ok;
    }

    private Map<String, String> args(Doc component, String binary) {
        return args(component.take("extraArgs"), component.path("extraArgs"), binary);
    }

    /** v1beta3 writes extraArgs as a map, v1beta4 as a list of name and value; either is read without apiVersion. */
    private Map<String, String> args(Node node, String path, String binary) {
        Map<String, String> args = new LinkedHashMap<>();
        if (node instanceof MappingNode && !V1BETA4.equals(apiVersion)) {
            Doc map = new Doc(node, path);
            for (String name : List.copyOf(map.names())) {
                Node value = map.field(name);
                addArg(args, binary, name, map.string(name), value, map.path(name));
            }
        } else if (node instanceof SequenceNode list && !V1BETA3.equals(apiVersion)) {
            for (int i = 0; i < list.getValue().size(); i++) {
                Doc arg = new Doc(list.getValue().get(i), FieldPath.index(path, i));
                String name = arg.string("name");
                if (name == null) {
                    error(list.getValue().get(i), arg.path("name"), "each extra argument needs a name");
                } else {
                    addArg(args, binary, name, arg.string("value"), list.getValue().get(i), arg.path("value"));
                }
                arg.warnRest();
            }
        } else if (node != null) {
            error(node, path, V1BETA4.equals(apiVersion) ? V1BETA4 + " writes extraArgs as a list of name and value"
                    : V1BETA3.equals(apiVersion) ? V1BETA3 + " writes extraArgs as a map from flag name to value"
                    : "expected a map (v1beta3) or a list of name and value (v1beta4)");
        }
        return args;
    }

    private void addArg(Map<String, String> args, String binary, String name, String value, Node node, String path) {
        String why = whyNot(binary, name, value == null ? "" : value);
        if (why != null) {
            error(node, path, "--" + name + " of " + binary + " cannot be changed: " + why);
        } else {
            args.put(name, value == null ? "" : value);
        }
    }

    private String whyNot(String binary, String name, String value) {
        if (OWNED_FLAGS.get(binary).contains(name) || OWNED_FLAG_ENDINGS.stream().anyMatch(name::endsWith)) {
            return "kindj's bootstrap sets it (its certificates, ports and addresses depend on it)";
        }
        if (value.contains("\n")) {
            return "the value must be one line";
        }
        if (name.equals("authorization-mode") && !List.of(value.split(",")).containsAll(List.of("Node", "RBAC"))) {
            return "the value may add modes to kindj's Node,RBAC but must keep both";
        }
        if (name.equals("enable-admission-plugins") && !List.of(value.split(",")).contains("NodeRestriction")) {
            return "the value may add plugins to kindj's NodeRestriction but must keep it";
        }
        if (networking != null && name.equals("service-cluster-ip-range") && !value.equals(networking.serviceSubnet())) {
            return "it conflicts with networking.serviceSubnet '" + networking.serviceSubnet() + "'";
        }
        if (networking != null && name.equals("cluster-cidr") && !value.equals(networking.podSubnet())) {
            return "it conflicts with networking.podSubnet '" + networking.podSubnet() + "'";
        }
        return null;
    }

    private List<String> strings(Node node, String path) {
        List<String> values = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    values.add(scalar.getValue());
                } else {
                    error(item, path, "expected a string");
                }
            }
        } else if (node != null) {
            error(node, path, "expected a list of strings");
        }
        return values;
    }

    private void mustAgree(Doc doc, String name, String expected, String owner) {
        Node node = doc.take(name);
        if (node != null) {
            mustEqual(node, doc.path(name), expected, owner);
        }
    }

    private void mustEqual(Node node, String path, String expected, String owner) {
        String actual = node instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (!expected.equals(actual)) {
            error(node, path, "conflicts with " + owner + " '" + expected + "'; set it there instead");
        }
    }

    private void rejectIfSet(Doc doc, String name, String why) {
        Node node = doc.take(name);
        if (node != null) {
            error(node, doc.path(name), "cannot be patched: " + why);
        }
    }

    private void error(Node node, String path, String message) {
        problems.reportInText(textPath, node == null ? null : node.getStartMark(), path, message);
    }

    /** The fields of one map in a patch; the ones nobody took are warned about as not supported. */
    private final class Doc {
        private final String path;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Doc(Node node, String path) {
            this.path = path;
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        entries.put(key.getValue(), tuple);
                    }
                }
            } else if (node != null && !YamlReader.isNull(node)) {
                error(node, path, "expected a map");
            }
        }

        String path(String name) {
            return FieldPath.key(path, name);
        }

        Set<String> names() {
            return entries.keySet();
        }

        /** The value without consuming the field, for pointing at it. */
        Node field(String name) {
            NodeTuple tuple = entries.get(name);
            return tuple == null || YamlReader.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
        }

        Node take(String name) {
            Node value = field(name);
            entries.remove(name);
            return value;
        }

        Doc object(String name) {
            return new Doc(take(name), path(name));
        }

        String string(String name) {
            Node node = take(name);
            if (node == null) {
                return null;
            }
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            error(node, path(name), "expected a string");
            return null;
        }

        void warnRest() {
            entries.keySet().forEach(name -> warnings.add(path(name) + ": kindj does not support this kubeadm "
                    + "patch field yet; it is ignored"));
        }
    }
}
