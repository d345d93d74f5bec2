package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.pki.PkiPaths.certificate;
import static dev.kindj.internal.provision.pki.PkiPaths.key;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** etcd's arguments on a control plane, as kubeadm gives them to its local etcd. */
public final class EtcdFiles {

    public static final String DATA_DIR = "/var/lib/etcd";
    public static final int CLIENT_PORT = 2379;
    public static final int PEER_PORT = 2380;
    public static final String LOCAL_CLIENT_URL = "https://127.0.0.1:" + CLIENT_PORT;
    /** Where an api-only node's API server finds its etcd: plain HTTP, on the container's own loopback only. */
    public static final String LOOPBACK_HTTP_CLIENT_URL = "http://127.0.0.1:" + CLIENT_PORT;

    private EtcdFiles() {}

    /**
     * The first member of a new etcd cluster.
     *
     * @param extraArgs from kubeadm patches' {@code etcd.local.extraArgs}
     */
    public static NodeFile newCluster(PlannedNode node, Map<String, String> extraArgs) {
        return args(node, List.of(node), "new", extraArgs);
    }

    /**
     * A member joining a running etcd cluster, after {@code etcdctl member add} with {@link #peerUrl}.
     *
     * @param members the cluster's members before this one
     */
    public static NodeFile joining(PlannedNode node, List<PlannedNode> members, Map<String, String> extraArgs) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException(node.name() + " cannot join an etcd cluster without members");
        }
        if (members.stream().anyMatch(member -> member.name().equals(node.name()))) {
            throw new IllegalArgumentException(node.name() + " is already a member of the etcd cluster");
        }
        List<PlannedNode> initialCluster = new ArrayList<>(members);
        initialCluster.add(node);
        return args(node, initialCluster, "existing", extraArgs);
    }

    /**
     * The only member of an api-only node's etcd, over plain HTTP on the container's loopback: the API server beside it
     * is its only client, nothing outside the container's network namespace reaches it, and the API server's start
     * skips the TLS handshakes of its etcd connections (fabric8 kube-api-test runs etcd the same way).
     */
    public static NodeFile loopbackOnly(PlannedNode node, Map<String, String> extraArgs) {
        String peerUrl = "http://127.0.0.1:" + PEER_PORT;
        return tuned(member(node, LOOPBACK_HTTP_CLIENT_URL, LOOPBACK_HTTP_CLIENT_URL, peerUrl,
                node.name() + "=" + peerUrl, "new"), extraArgs);
    }

    public static String peerUrl(PlannedNode node) {
        return "https://" + node.ip() + ":" + PEER_PORT;
    }

    private static NodeFile args(PlannedNode node, List<PlannedNode> initialCluster, String state,
                                 Map<String, String> extraArgs) {
        String clientUrl = "https://" + node.ip() + ":" + CLIENT_PORT;
        String members = initialCluster.stream()
                .map(member -> member.name() + "=" + peerUrl(member))
                .collect(Collectors.joining(","));
        return tuned(member(node, LOCAL_CLIENT_URL + "," + clientUrl, clientUrl, peerUrl(node), members, state)
                .flag("cert-file", certificate(PkiPaths.ETCD_SERVER))
                .flag("key-file", key(PkiPaths.ETCD_SERVER))
                .flag("trusted-ca-file", certificate(PkiPaths.ETCD_CA))
                .flag("client-cert-auth", true)
                .flag("peer-cert-file", certificate(PkiPaths.ETCD_PEER))
                .flag("peer-key-file", key(PkiPaths.ETCD_PEER))
                .flag("peer-trusted-ca-file", certificate(PkiPaths.ETCD_CA))
                .flag("peer-client-cert-auth", true), extraArgs);
    }

    private static ComponentArgs member(PlannedNode node, String listenClientUrls, String clientUrl, String peerUrl,
                                        String initialCluster, String state) {
        return new ComponentArgs("etcd")
                .flag("name", node.name())
                .flag("data-dir", DATA_DIR)
                .flag("listen-client-urls", listenClientUrls)
                .flag("advertise-client-urls", clientUrl)
                .flag("listen-peer-urls", peerUrl)
                .flag("initial-advertise-peer-urls", peerUrl)
                .flag("listen-metrics-urls", "http://127.0.0.1:2381")
                .flag("initial-cluster", initialCluster)
                .flag("initial-cluster-state", state);
    }

    private static NodeFile tuned(ComponentArgs member, Map<String, String> extraArgs) {
        return member
                // etcd keeps every write since its last snapshot in memory, plus 5000 for followers to catch up: at
                // kubeadm's 10000 a test cluster's etcd rarely snapshots and only grows (BENCHMARKS.md, "Memory after
                // churn"). A follower more than 500 writes behind, rare between containers on one host, gets a
                // snapshot of the database instead, which in a test cluster is a few MB.
                .flag("snapshot-count", 1000)
                .flag("experimental-snapshot-catchup-entries", 500)
                // kubeadm's spelling for etcd 3.5, which the node image has (Debian's); 3.6 still accepts it
                .flag("experimental-initial-corrupt-check", true)
                .flag("experimental-watch-progress-notify-interval", "5s")
                .extraArgs(extraArgs)
                .toFile();
    }
}
