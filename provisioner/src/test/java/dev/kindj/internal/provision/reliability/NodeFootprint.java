package dev.kindj.internal.provision.reliability;

import dev.kindj.internal.provision.node.NodeProvider;

/**
 * What churn may leave behind in a node, read inside it: its memory as Docker counts it (the node's cgroup usage
 * without inactive page cache), iptables rules, veth interfaces (one per pod on the pod network), and cgroups left
 * frozen (a runc killed mid-freeze leaves them; see issue 17).
 */
record NodeFootprint(long memoryBytes, int iptablesRules, int veths, int frozenCgroups) {

    /** The node's own cgroup (nodes run in a private cgroup namespace), as docker stats reads it. */
    private static final String READ = """
            m=/sys/fs/cgroup/memory
            echo $(( $(cat $m/memory.usage_in_bytes) - $(awk '$1 == "total_inactive_file" {print $2}' $m/memory.stat) ))
            iptables-save | grep -c '^-A'
            ip -o link show type veth | wc -l
            grep -rlE 'FROZEN|FREEZING' /sys/fs/cgroup/freezer --include=freezer.state | wc -l
            """;

    static NodeFootprint of(NodeProvider provider, String node) {
        String[] values = provider.exec(node, "sh", "-c", READ).orThrow(node).stdout().strip().split("\\s+");
        return new NodeFootprint(Long.parseLong(values[0]), Integer.parseInt(values[1]), Integer.parseInt(values[2]),
                Integer.parseInt(values[3]));
    }

    double memoryMiB() {
        return memoryBytes / (1024.0 * 1024.0);
    }
}
