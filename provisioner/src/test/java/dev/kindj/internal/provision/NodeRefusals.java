package dev.kindj.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.ClusterPlan;

/** Whether a node refuses traffic nothing in the cluster serves, as its pod-network unit sets it up on every boot. */
public final class NodeRefusals {

    private NodeRefusals() {
    }

    /** The route of unowned pod addresses to the sink, and the table refusing them and unknown Service addresses. */
    public static void assertInPlace(NodeProvider provider, ClusterPlan plan, String node) {
        String route = provider.exec(node, "ip", "route", "show", plan.podSubnet().toString()).orThrow(node).stdout();
        assertThat(route).as("the catch-all pod route on %s", node)
                .contains(plan.podSubnet() + " dev " + PodNetworkFiles.SINK);
        String table = provider.exec(node, "nft", "list", "table", "ip", PodNetworkFiles.REFUSALS_TABLE)
                .orThrow(node).stdout();
        String services = "ip daddr " + plan.serviceSubnet() + " goto refuse";
        String sink = "ip daddr " + plan.podSubnet() + " oifname \"" + PodNetworkFiles.SINK + "\" goto refuse";
        assertThat(table).as("the refusals on %s", node)
                .contains("meta l4proto tcp counter", "reject with tcp reset")
                .containsSubsequence("hook forward", services, sink, "hook output", services, sink);
    }
}
