package dev.kindj.internal.provision.reliability;

import dev.kindj.internal.provision.node.NodeProvider;

/**
 * What churn may leave behind in a node, read inside it: its memory as Docker counts it (the node's cgroup usage
 * without inactive page cache), iptables rules, veth interfaces (one per pod on the pod network), and cgroups left
 * frozen (a runc killed mid-freeze leaves them; see issue 17). The memory's parts are kept to tell what grew: the
 * processes' anonymous memory, page cache in active use (files read or mapped again and again: etcd's database, the
 * binaries), and kernel memory charged to the node (dentries, inodes, cgroups, network namespaces of pods).
 */
record NodeFootprint(long memoryBytes, long anonBytes, long activeFileBytes, long kernelBytes, int iptablesRules,
        int veths, int frozenCgroups) {

    /** The node's own cgroup (nodes run in a private cgroup namespace), as docker stats reads it. */
    private static final String READ = """
            m=/sys/fs/cgroup/memory
            field() { awk -v key="$1" '$1 == key {print $2}' $m/memory.stat; }
            echo $(( $(cat $m/memory.usage_in_bytes) - $(field total_inactive_file) ))
            field total_rss
            field total_active_file
            cat $m/memory.kmem.usage_in_bytes
            iptables-save | grep -c '^-A'
            ip -o link show type veth | wc -l
            grep -rlE 'FROZEN|FREEZING' /sys/fs/cgroup/freezer --include=freezer.state | wc -l
            """;

    static NodeFootprint of(NodeProvider provider, String node) {
        String[] values = provider.exec(node, "sh", "-c", READ).orThrow(node).stdout().strip().split("\\s+");
        return new NodeFootprint(Long.parseLong(values[0]), Long.parseLong(values[1]), Long.parseLong(values[2]),
                Long.parseLong(values[3]), Integer.parseInt(values[4]), Integer.parseInt(values[5]),
                Integer.parseInt(values[6]));
    }

    double memoryMiB() {
        return mib(memoryBytes);
    }

    @Override
    public String toString() {
        return "%d MiB (anon %d, active files %d, kernel %d), %d rules, %d veths, %d frozen".formatted(
                Math.round(memoryMiB()), Math.round(mib(anonBytes)), Math.round(mib(activeFileBytes)),
                Math.round(mib(kernelBytes)), iptablesRules, veths, frozenCgroups);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
