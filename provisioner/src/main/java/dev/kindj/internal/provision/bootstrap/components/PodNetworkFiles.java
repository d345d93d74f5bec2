package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;

/**
 * The default pod network, as kind's kindnet builds it but without a daemon: each node hands out its planned
 * pod range through the ptp CNI plugin, and a boot-time unit routes every other node's range to that node's
 * fixed IP. The unit's script depends only on the plan, so it is rewritten and rerun when nodes are added.
 *
 * <p>The same unit keeps cluster traffic inside the cluster. A node's default route leads through the Docker host
 * to the world, so a packet for a pod or Service address nothing in the cluster serves would otherwise leave the
 * machine; such packets are refused on the node instead, in every kube-proxy mode. The rules depend on the pod and
 * Service subnets alone, so adding and removing nodes leaves them as they are.
 */
public final class PodNetworkFiles {

    public static final String CONFLIST_PATH = "/etc/cni/net.d/10-kindj.conflist";
    public static final String SCRIPT_PATH = "/etc/kindj/pod-network.sh";
    public static final String UNIT = "kindj-pod-network.service";
    public static final String UNIT_PATH = "/etc/systemd/system/" + UNIT;
    /** Where pod addresses no node owns are routed. */
    public static final String SINK = "kindj-sink";
    /** The nftables table refusing what nothing in the cluster serves; its counters show what it refused. */
    public static final String REFUSALS_TABLE = "kindj";
    private static final int EXECUTABLE = 0755;

    private static final String UNIT_TEXT = """
            [Unit]
            Description=Routes, masquerading and refusals of the kindj pod network
            Before=kubelet.service

            [Service]
            Type=oneshot
            RemainAfterExit=yes
            ExecStart=%s

            [Install]
            WantedBy=multi-user.target
            """.formatted(SCRIPT_PATH);

    /**
     * The script's part for the whole cluster, given the pod subnet, the Service subnet, the sink and the nftables
     * table. The sink is a bridge without ports: what is routed there is dropped (nodes have no dummy interfaces),
     * and the table sees it go there first and refuses it.
     */
    private static final String CLUSTER_RULES = """
            # pod addresses no node owns (the routes above and each local pod's own are more specific) go to the sink,
            # not by the default route out of the machine
            ip link show %3$s >/dev/null 2>&1 || ip link add %3$s type bridge
            ip link set %3$s up
            ip route replace %1$s dev %3$s
            # A packet still addressed to the Service range after every DNAT is for an unknown Service IP or port (any,
            # without kube-proxy). Both it and one for the sink are refused, so that clients fail at once. The chains
            # run before kube-proxy's and iptables' filter chains: no ACCEPT there lets such a packet past, and no DROP
            # there leaves a client waiting for a timeout.
            nft -f - <<EOF
            table ip %4$s
            delete table ip %4$s
            table ip %4$s {
              chain refuse {
                meta l4proto tcp counter reject with tcp reset
                counter reject with icmp port-unreachable
              }
              chain forward {
                type filter hook forward priority filter - 10; policy accept;
                ip daddr %2$s goto refuse
                ip daddr %1$s oifname "%3$s" goto refuse
              }
              chain output {
                type filter hook output priority filter - 10; policy accept;
                ip daddr %2$s goto refuse
                ip daddr %1$s oifname "%3$s" goto refuse
              }
            }
            EOF
            """;

    private PodNetworkFiles() {}

    /** No files when the cluster config disables the default CNI. */
    public static List<NodeFile> forNode(ClusterPlan plan, PlannedNode node) {
        if (plan.config().networking().disableDefaultCNI()) {
            return List.of();
        }
        return List.of(
                NodeFile.text(CONFLIST_PATH, conflist(node.podCidr()), NodeFile.PUBLIC),
                NodeFile.text(SCRIPT_PATH, script(plan, node), EXECUTABLE),
                NodeFile.text(UNIT_PATH, UNIT_TEXT, NodeFile.PUBLIC));
    }

    private static String conflist(Ipv4Cidr podCidr) {
        // IPAM state stays on the node's /var volume (host-local's default): after a restart the new
        // pods must not get their predecessors' addresses, or Services briefly reach the wrong pod.
        return """
                {
                  "cniVersion": "1.0.0",
                  "name": "kindj",
                  "plugins": [
                    {
                      "type": "ptp",
                      "ipMasq": false,
                      "ipam": {
                        "type": "host-local",
                        "ranges": [[{"subnet": "%s"}]],
                        "routes": [{"dst": "0.0.0.0/0"}]
                      }
                    },
                    {
                      "type": "portmap",
                      "capabilities": {"portMappings": true},
                      "snat": true
                    }
                  ]
                }
                """.formatted(podCidr);
    }

    private static String script(ClusterPlan plan, PlannedNode node) {
        String pods = plan.podSubnet().toString();
        String masquerade = "POSTROUTING -s " + pods + " ! -d " + pods + " -j MASQUERADE";
        StringBuilder script = new StringBuilder("""
                #!/bin/sh
                # Written by kindj from the cluster plan; rerun on every boot and whenever nodes are added.
                set -eu
                sysctl -q -w net.ipv4.ip_forward=1
                """);
        for (PlannedNode other : plan.nodes()) {
            if (!other.name().equals(node.name())) {
                script.append("ip route replace ").append(other.podCidr()).append(" via ").append(other.ip())
                        .append('\n');
            }
        }
        script.append("# pods reach the outside world from their node's address\n")
                .append("iptables -t nat -C ").append(masquerade).append(" 2>/dev/null || iptables -t nat -A ")
                .append(masquerade).append('\n');
        return script.append(CLUSTER_RULES.formatted(pods, plan.serviceSubnet(), SINK, REFUSALS_TABLE)).toString();
    }
}
