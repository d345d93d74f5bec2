package dev.kindj.internal.provision.plan;

import dev.kindj.internal.provision.node.NodeRole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSlotsTest {

    private static ClusterPlan plan(int workers) {
        ClusterConfig config = ClusterConfig.builder().withName("demo").withControlPlanes(1).withWorkers(workers).build();
        return ClusterPlanner.plan(config, "172.28.5.0/24", "img", "lb-img");
    }

    @Test
    void aNewWorkerTakesTheNextAddressRangeAndName() {
        PlannedNode added = NodeSlots.next(plan(2), NodeRole.WORKER, "img");
        assertThat(added.name()).isEqualTo("demo-worker3");
        assertThat(added.ip()).isEqualTo("172.28.5.13");
        assertThat(added.podCidr()).hasToString("10.244.3.0/24");
        assertThat(added.image()).isEqualTo("img");
    }

    @Test
    void theSlotOfARemovedWorkerIsUsedAgain() {
        ClusterPlan full = plan(3);
        List<PlannedNode> nodes = new ArrayList<>(full.nodes());
        nodes.removeIf(node -> node.name().equals("demo-worker2"));
        ClusterPlan withGap = full.withNodes(nodes);

        PlannedNode added = NodeSlots.next(withGap, NodeRole.WORKER, "img");
        assertThat(added.name()).isEqualTo("demo-worker2");
        assertThat(added.ip()).isEqualTo("172.28.5.12");
        assertThat(added.podCidr()).hasToString("10.244.2.0/24");
    }
}
