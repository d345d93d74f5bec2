package dev.kindj.internal.provision.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.Networking;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.node.NodeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as JSON: what operations on a running cluster need to know about it. That is the cluster-wide settings
 * (networking, feature gates, the cluster's kubeadm and containerd patches and local registry, which a worker added
 * later gets too), the control-plane user and every container; per-node settings that only mattered when a node was made (labels,
 * mounts, ports) are left out, so a plan read back has plain nodes of their roles.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static String write(ClusterPlan plan) {
        Document document = new Document(plan.name(), plan.nodeSubnet().toString(), plan.config().networking(),
                plan.config().featureGates(), plan.config().kubeadmConfigPatches(),
                plan.config().containerdConfigPatches(), plan.config().containerdConfigPatchesJSON6902(),
                plan.nodes().stream().map(Container::of).toList(),
                plan.loadBalancer().map(Container::of).orElse(null), plan.config().registry().orElse(null),
                plan.controlPlaneUid());
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the plan of cluster " + plan.name() + " cannot be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a plan */
    public static ClusterPlan read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a cluster plan: " + e.getOriginalMessage(), e);
        }
        ClusterConfig.Builder config = ClusterConfig.builder().withName(document.name())
                .withNetworking(document.networking());
        document.featureGates().forEach(config::withFeatureGate);
        // plans written before kindj honoured kubeadm patches have none
        Optional.ofNullable(document.kubeadmConfigPatches()).orElse(List.of()).forEach(config::withKubeadmConfigPatch);
        Optional.ofNullable(document.containerdConfigPatches()).orElse(List.of()).forEach(config::withContainerdConfigPatch);
        Optional.ofNullable(document.containerdConfigPatchesJSON6902()).orElse(List.of())
                .forEach(config::withContainerdConfigPatchJSON6902);
        config.withRegistry(document.registry());
        List<PlannedNode> nodes = new ArrayList<>();
        for (Container container : document.nodes()) {
            NodeConfig node = NodeConfig.of(container.role() == NodeRole.CONTROL_PLANE
                    ? dev.kindj.config.NodeRole.CONTROL_PLANE : dev.kindj.config.NodeRole.WORKER);
            config.withNode(node);
            nodes.add(new PlannedNode(container.name(), container.role(), container.ip(),
                    Ipv4Cidr.of(container.podCidr()), container.image(), node));
        }
        Optional<PlannedNode> loadBalancer = Optional.ofNullable(document.loadBalancer())
                .map(lb -> new PlannedNode(lb.name(), lb.role(), lb.ip(), null, lb.image(), null));
        // plans written before control planes ran as their own user have none; their clusters add only workers
        int controlPlaneUid = Optional.ofNullable(document.controlPlaneUid())
                .orElseGet(() -> ControlPlaneUser.forCluster(document.name()));
        return new ClusterPlan(document.name(), config.build(), Ipv4Cidr.of(document.nodeSubnet()), nodes, loadBalancer,
                controlPlaneUid);
    }

    private record Document(String name, String nodeSubnet, Networking networking, Map<String, Boolean> featureGates,
                            List<String> kubeadmConfigPatches, List<String> containerdConfigPatches,
                            List<String> containerdConfigPatchesJSON6902, List<Container> nodes,
                            Container loadBalancer, String registry, Integer controlPlaneUid) {
    }

    /** @param podCidr null for the load balancer */
    private record Container(String name, NodeRole role, String ip, String podCidr, String image) {

        static Container of(PlannedNode node) {
            return new Container(node.name(), node.role(), node.ip(),
                    node.podCidr() == null ? null : node.podCidr().toString(), node.image());
        }
    }
}
