package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.Networking;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class PodNetworkFilesTest {

    private final ClusterPlan ha = TestPlans.plan(3, 1);

    @Test
    void writesTheCniConfigTheScriptAndItsUnit() {
        List<NodeFile> files = PodNetworkFiles.forNode(ha, ha.firstControlPlane());

        assertThat(files).extracting(NodeFile::path).containsExactly(
                "/etc/cni/net.d/10-kindj.conflist",
                "/etc/kindj/pod-network.sh",
                "/etc/systemd/system/kindj-pod-network.service");
        assertThat(files).extracting(NodeFile::mode).containsExactly(NodeFile.PUBLIC, 0755, NodeFile.PUBLIC);
    }

    @Test
    void eachNodeHandsOutItsOwnPodRangeThroughPtp() {
        for (PlannedNode node : ha.nodes()) {
            Map<String, Object> conflist = new Yaml().load(text(PodNetworkFiles.forNode(ha, node).get(0)));
            List<Map<String, Object>> plugins = list(conflist.get("plugins"));

            assertThat(conflist).containsEntry("cniVersion", "1.0.0").containsEntry("name", "kindj");
            assertThat(plugins).extracting(plugin -> plugin.get("type")).containsExactly("ptp", "portmap");
            assertThat(plugins.get(0)).containsEntry("ipMasq", false).doesNotContainKey("mtu");
            Map<String, Object> ipam = map(plugins.get(0).get("ipam"));
            assertThat(ipam)
                    .containsEntry("type", "host-local")
                    .containsEntry("ranges", List.of(List.of(Map.of("subnet", node.podCidr().toString()))))
                    .containsEntry("routes", List.of(Map.of("dst", "0.0.0.0/0")));
            assertThat(plugins.get(1))
                    .containsEntry("capabilities", Map.of("portMappings", true))
                    .containsEntry("snat", true);
        }
        assertThat(ha.nodes()).extracting(node -> node.podCidr().toString())
                .containsExactly("10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24");
    }

    @Test
    void scriptRoutesEveryOtherNodesRangeToThatNode() {
        String script = text(PodNetworkFiles.forNode(ha, ha.controlPlanes().get(1)).get(1));

        assertThat(script).startsWith("#!/bin/sh\n").contains("set -eu\n", "sysctl -q -w net.ipv4.ip_forward=1\n");
        assertThat(script.lines().filter(line -> line.startsWith("ip route"))).containsExactly(
                "ip route replace 10.244.0.0/24 via 172.28.5.10",
                "ip route replace 10.244.2.0/24 via 172.28.5.12",
                "ip route replace 10.244.3.0/24 via 172.28.5.13",
                "ip route replace 10.244.0.0/16 dev kindj-sink");
    }

    @Test
    void podAddressesNoNodeOwnsGoToASinkMadeOnce() {
        String script = text(PodNetworkFiles.forNode(ha, ha.workers().get(0)).get(1));

        assertThat(script.lines().filter(line -> line.startsWith("ip link"))).containsExactly(
                "ip link show kindj-sink >/dev/null 2>&1 || ip link add kindj-sink type bridge",
                "ip link set kindj-sink up");
        assertThat(script).contains("ip route replace 10.244.0.0/16 dev kindj-sink\n");
    }

    @Test
    void scriptReplacesTheTableRefusingServiceAddressesNothingTranslatedAndPodAddressesForTheSink() {
        String script = text(PodNetworkFiles.forNode(ha, ha.workers().get(0)).get(1));
        String table = script.substring(script.indexOf("nft -f - <<EOF\n"));

        assertThat(table.lines().map(String::strip)).containsExactly(
                "nft -f - <<EOF",
                "table ip kindj",
                "delete table ip kindj",
                "table ip kindj {",
                "chain refuse {",
                "meta l4proto tcp counter reject with tcp reset",
                "counter reject with icmp port-unreachable",
                "}",
                "chain forward {",
                "type filter hook forward priority filter - 10; policy accept;",
                "ip daddr 10.96.0.0/16 goto refuse",
                "ip daddr 10.244.0.0/16 oifname \"kindj-sink\" goto refuse",
                "}",
                "chain output {",
                "type filter hook output priority filter - 10; policy accept;",
                "ip daddr 10.96.0.0/16 goto refuse",
                "ip daddr 10.244.0.0/16 oifname \"kindj-sink\" goto refuse",
                "}",
                "}",
                "EOF");
    }

    @Test
    void scriptMasqueradesOnlyTrafficLeavingThePodNetworkAndOnlyOnce() {
        String script = text(PodNetworkFiles.forNode(ha, ha.workers().get(0)).get(1));
        String rule = "POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE";

        assertThat(script.lines().filter(line -> line.startsWith("iptables")))
                .containsExactly("iptables -t nat -C " + rule + " 2>/dev/null || iptables -t nat -A " + rule);
    }

    @Test
    void addingANodeAddsItsRouteAndChangesNothingElse() {
        ClusterPlan grown = TestPlans.plan(3, 2);
        String before = text(PodNetworkFiles.forNode(ha, ha.firstControlPlane()).get(1));
        String after = text(PodNetworkFiles.forNode(grown, grown.firstControlPlane()).get(1));

        assertThat(after.lines()).containsAll(before.lines().toList())
                .contains("ip route replace 10.244.4.0/24 via 172.28.5.14")
                .hasSize((int) before.lines().count() + 1);
    }

    @Test
    void unitRunsTheScriptOnceOnEveryBootBeforeTheKubelet() {
        String unit = text(PodNetworkFiles.forNode(ha, ha.firstControlPlane()).get(2));

        assertThat(unit.lines()).contains(
                "Before=kubelet.service",
                "Type=oneshot",
                "RemainAfterExit=yes",
                "ExecStart=/etc/kindj/pod-network.sh",
                "WantedBy=multi-user.target");
    }

    @Test
    void noDefaultCniMeansNoFiles() {
        ClusterPlan plan = TestPlans.withNetworking(Networking.defaults().withDisableDefaultCNI(true));

        assertThat(PodNetworkFiles.forNode(plan, plan.workers().get(0))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
