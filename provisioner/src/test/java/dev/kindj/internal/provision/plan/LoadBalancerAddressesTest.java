package dev.kindj.internal.provision.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Ipv4Cidr;
import org.junit.jupiter.api.Test;

class LoadBalancerAddressesTest {

    private static final Ipv4Cidr NETWORK = Ipv4Cidr.of("172.28.3.0/24");

    @Test
    void dockerAllocatesFromTheLowerHalfAndServicesGetTheUpperHalfButItsBroadcastAddress() {
        assertThat(LoadBalancerAddresses.containerRange(NETWORK)).hasToString("172.28.3.0/25");
        assertThat(LoadBalancerAddresses.pool(NETWORK)).isEqualTo("172.28.3.128-172.28.3.254");
    }

    @Test
    void everyPlannedContainerAddressIsInDockersHalf() {
        ClusterConfig config = ClusterConfig.builder().withName("big").withControlPlanes(3).withWorkers(20).build();
        ClusterPlan plan = ClusterPlanner.plan(config, NETWORK.toString(), "node:1", "lb:1");

        Ipv4Cidr containers = LoadBalancerAddresses.containerRange(NETWORK);
        assertThat(plan.containers()).allSatisfy(node ->
                assertThat(containers.overlaps(Ipv4Cidr.of(node.ip() + "/32"))).as(node.name()).isTrue());
    }
}
