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
 */
public final class PodNetworkFiles {

    public static final String CONFLIST_PATH = "/etc/cni/net.d/10-kindj.conflist";
    public static final String SCRIPT_PATH = "/etc/kindj/pod-network.sh";
    public static final String UNIT = "kindj-pod-network.service";
    public static final String UNIT_PATH = "/etc/systemd/system/" + UNIT;
    private static final int EXECUTABLE = 0755;

    private static final String UNIT_TEXT = """
            [Unit]
            Description=Routes and masquerading of the kindj pod network
            Before=kubelet.service

            [Service]
            Type=oneshot
            RemainAfterExit=yes
            ExecStart=%s

            [Install]
            WantedBy=multi-user.target
            """.formatted(SCRIPT_PATH);

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
        return script.toString();
    }
}
