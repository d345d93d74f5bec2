package dev.kindj.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindj.config.KubeadmConfig.NodeRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The document a JSON 6902 kubeadm patch is applied to: shaped like the one kind generates for that kind and API
 * version, holding kind's own values for the fields kindj maps and what earlier patches set. Fields kindj does not map
 * (bootstrap tokens, discovery, kubeadm's node name) are left out, so a patch that needs them fails with its line.
 */
final class KubeadmBaseline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRI_SOCKET = "unix:///run/containerd/containerd.sock";
    /** The node labels kubelet argument; kindj reads it into {@link NodeRegistration#labels()}. */
    static final String NODE_LABELS = "node-labels";

    private KubeadmBaseline() {
    }

    /** The API server certificate names kind asks kubeadm for, which kindj's certificate always has too. */
    static List<String> kindCertSANs(Networking networking) {
        return List.of("localhost", networking.apiServerAddress());
    }

    static ObjectNode document(String kind, String apiVersion, KubeadmConfig config, Networking networking) {
        ObjectNode document = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        boolean argsAsList = apiVersion.equals(KubeadmPatches.V1BETA4);
        switch (kind) {
            case KubeadmPatches.CLUSTER -> {
                ObjectNode apiServer = document.putObject("apiServer");
                ArrayNode sans = apiServer.putArray("certSANs");
                Stream.concat(kindCertSANs(networking).stream(), config.certSANs().stream()).distinct()
                        .forEach(sans::add);
                apiServer.set("extraArgs", args(KubeadmConfig.merged(Map.of("runtime-config", ""),
                        config.apiServerArgs()), argsAsList));
                document.putObject("controllerManager").set("extraArgs", args(KubeadmConfig.merged(
                        Map.of("enable-hostpath-provisioner", "true"), config.controllerManagerArgs()), argsAsList));
                document.putObject("scheduler").set("extraArgs", args(config.schedulerArgs(), argsAsList));
                document.putObject("etcd").putObject("local").set("extraArgs", args(config.etcdArgs(), argsAsList));
                document.putObject("networking").put("podSubnet", networking.podSubnet())
                        .put("serviceSubnet", networking.serviceSubnet())
                        .put("dnsDomain", KubeadmPatches.CLUSTER_DOMAIN);
            }
            case KubeadmPatches.INIT -> registration(document, config.initRegistration(), argsAsList);
            case KubeadmPatches.JOIN -> registration(document, config.joinRegistration(), argsAsList);
            case KubeadmPatches.KUBELET -> document.setAll((ObjectNode) JSON.valueToTree(config.kubelet()));
            default -> {
                document.put("mode", networking.kubeProxyMode().yamlName());
                document.setAll((ObjectNode) JSON.valueToTree(config.kubeProxy()));
            }
        }
        return document;
    }

    private static void registration(ObjectNode document, NodeRegistration registration, boolean argsAsList) {
        ObjectNode node = document.putObject("nodeRegistration").put("criSocket", CRI_SOCKET);
        Map<String, String> kubeletArgs = new LinkedHashMap<>();
        kubeletArgs.put(NODE_LABELS, registration.labels().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(",")));
        kubeletArgs.putAll(registration.kubeletExtraArgs());
        node.set("kubeletExtraArgs", args(kubeletArgs, argsAsList));
        if (registration.taints() != null) {
            ArrayNode taints = node.putArray("taints");
            registration.taints().forEach(taint -> {
                ObjectNode item = taints.addObject().put("key", taint.key());
                if (!taint.value().isEmpty()) {
                    item.put("value", taint.value());
                }
                item.put("effect", taint.effect());
            });
        }
    }

    /** kubeadm v1beta3 writes extra arguments as a map, v1beta4 as a list of name and value. */
    static JsonNode args(Map<String, String> args, boolean asList) {
        if (!asList) {
            return JSON.valueToTree(args);
        }
        ArrayNode list = JSON.createArrayNode();
        args.forEach((name, value) -> list.addObject().put("name", name).put("value", value));
        return list;
    }
}
