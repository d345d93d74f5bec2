package dev.kindj.internal.provision.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ClusterConfigLoader;
import dev.kindj.config.Networking;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.node.NodeRole;
import org.junit.jupiter.api.Test;

class ClusterPlannerTest {

    private static final String SUBNET = "172.28.7.0/24";

    @Test
    void namesFollowKindAndAddressesAreFixedInPlanOrder() {
        ClusterConfig config = ClusterConfig.builder().withName("ci")
                .withControlPlanes(3).withWorkers(2).build();
        ClusterPlan plan = ClusterPlanner.plan(config, SUBNET, "node:1", "lb:1");

        assertThat(plan.nodes()).extracting(PlannedNode::name).containsExactly(
                "ci-control-plane", "ci-control-plane2", "ci-control-plane3", "ci-worker", "ci-worker2");
        assertThat(plan.nodes()).extracting(PlannedNode::ip).containsExactly(
                "172.28.7.10", "172.28.7.11", "172.28.7.12", "172.28.7.13", "172.28.7.14");
        assertThat(plan.nodes()).extracting(node -> node.podCidr().toString()).containsExactly(
                "10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24", "10.244.4.0/24");
        assertThat(plan.controlPlanes()).hasSize(3);
        assertThat(plan.workers()).extracting(PlannedNode::role).containsOnly(NodeRole.WORKER);
    }

    @Test
    void severalControlPlanesGetALoadBalancerThatEveryoneUses() {
        ClusterPlan plan = ClusterPlanner.plan(
                ClusterConfig.builder().withName("ha").withControlPlanes(3).build(), SUBNET, "node:1", "lb:1");

        PlannedNode loadBalancer = plan.loadBalancer().orElseThrow();
        assertThat(loadBalancer.name()).isEqualTo("ha-external-load-balancer");
        assertThat(loadBalancer.ip()).isEqualTo("172.28.7.2");
        assertThat(loadBalancer.image()).isEqualTo("lb:1");
        assertThat(plan.apiServerContainer()).isEqualTo(loadBalancer);
        assertThat(plan.clusterEndpoint()).isEqualTo("https://172.28.7.2:6443");
        assertThat(plan.containers()).first().isEqualTo(loadBalancer);
    }

    @Test
    void oneControlPlaneIsItsOwnEndpoint() {
        ClusterPlan plan = ClusterPlanner.plan(ClusterConfigLoader.defaults(), SUBNET, "node:1", "lb:1");
        assertThat(plan.loadBalancer()).isEmpty();
        assertThat(plan.apiServerContainer().name()).isEqualTo("kind-control-plane");
        assertThat(plan.clusterEndpoint()).isEqualTo("https://172.28.7.10:6443");
    }

    @Test
    void serviceAddressesComeFromTheServiceSubnet() {
        ClusterConfig config = ClusterConfig.builder()
                .withNetworking(Networking.defaults().withServiceSubnet("10.100.0.0/16").withPodSubnet("10.50.0.0/16"))
                .build();
        ClusterPlan plan = ClusterPlanner.plan(config, SUBNET, "node:1", "lb:1");
        assertThat(plan.firstServiceIp()).isEqualTo("10.100.0.1");
        assertThat(plan.dnsServiceIp()).isEqualTo("10.100.0.10");
        assertThat(plan.firstControlPlane().podCidr()).hasToString("10.50.0.0/24");
    }

    @Test
    void nodesWithoutAnImageGetTheDefault() {
        ClusterConfig config = ClusterConfig.builder()
                .withNode(NodeConfig.controlPlane())
                .withNode(NodeConfig.worker().withImage("custom:2"))
                .build();
        assertThat(ClusterPlanner.images(config, "node:1")).containsExactly("node:1", "custom:2");
        assertThat(ClusterPlanner.plan(config, SUBNET, "node:1", "lb:1").nodes())
                .extracting(PlannedNode::image).containsExactly("node:1", "custom:2");
    }
}
