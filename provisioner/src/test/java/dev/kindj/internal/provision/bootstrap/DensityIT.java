package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.preflight.HostReadings;
import dev.kindj.internal.provision.preflight.NodeInotifyUse;
import dev.kindj.internal.provision.preflight.ProcInotify;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many one-node clusters running at once on a host whose {@code fs.inotify.max_user_instances} is left as it is (128 on the
 * test machines): all come up Ready with CoreDNS answering, and each node holds no more of root's inotify instances
 * than the preflight counts on; each has its own network, and delete leaves no container, network or volume and the
 * host's kernel settings as they were. How many: {@code -Dkindj.densityClusters}, 3 by default to keep the suite
 * short; {@code bench/density.sh} runs ten.
 */
class DensityIT {

    private static final int CLUSTERS = Integer.getInteger("kindj.densityClusters", 3);
    /** Ten API servers booting at once on two cores miss their 20 s request timeouts; two at a time do not. */
    private static final int AT_A_TIME = 2;
    /**
     * Asks the DNS server ARGV[1] for ARGV[0]'s A record over UDP and prints the answer's address (the node image has
     * perl, not nslookup).
     */
    private static final String DNS_QUERY = "alarm 5; $s = IO::Socket::INET->new(PeerAddr => \"$ARGV[1]:53\","
            + " Proto => \"udp\") or die; $s->send(pack(\"n6\", 1, 256, 1, 0, 0, 0) . join(\"\", map { chr(length) . $_ }"
            + " split /\\./, $ARGV[0]) . pack(\"x n2\", 1, 1)); $s->recv($r, 512);"
            + " print join(\".\", unpack(\"C4\", substr($r, -4))), \"\\n\"";
    /** Counts root's inotify descriptors among the processes a node's /proc shows (its own). */
    private static final String ROOT_INSTANCES = "for p in /proc/[0-9]*; do [ \"$(stat -c %u $p)\" = 0 ]"
            + " && ls -l $p/fd 2>/dev/null | grep -c anon_inode:inotify; done | awk '{s += $1} END {print s + 0}'";

    @Test
    void clustersComeUpTogetherWithinRootsInotifyBudgetAndDeleteCleanly() throws Exception {
        Map<String, String> sysctlsBefore = ClusterIT.hostSysctls();
        List<String> volumes = new ArrayList<>();
        ProcInotify inotify = new ProcInotify(Path.of("/proc"));
        HostReadings.InotifyUse before = inotify.read(0).value();
        String run = UUID.randomUUID().toString().substring(0, 4);
        List<String> names = IntStream.range(0, CLUSTERS).mapToObj(i -> "density" + run + "-" + i).toList();
        ExecutorService threads = Executors.newFixedThreadPool(AT_A_TIME);
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            String image = TestImages.node();
            try {
                long start = System.nanoTime();
                List<CompletableFuture<CreatedCluster>> creations = names.stream()
                        .map(name -> CompletableFuture.supplyAsync(() -> ClusterCreator
                                .forConfig(ClusterConfig.builder().withName(name).build(), provider)
                                .withImage(image)
                                .withWaitForReady(Duration.ofMinutes(8))
                                .create(), threads))
                        .toList();
                List<CreatedCluster> clusters = new ArrayList<>();
                for (CompletableFuture<CreatedCluster> creation : creations) {
                    clusters.add(creation.get(12, TimeUnit.MINUTES));
                }
                System.out.printf("DensityIT: %d clusters Ready with CoreDNS in %d s%n", CLUSTERS,
                        Duration.ofNanos(System.nanoTime() - start).toSeconds());
                int nodesTotal = 0;
                for (CreatedCluster cluster : clusters) {
                    String node = cluster.plan().firstControlPlane().name();
                    // CoreDNS answers through its Service IP, which kube-proxy routes
                    ExecResult lookup = provider.exec(node, "perl", "-MIO::Socket::INET", "-e", DNS_QUERY,
                            "kubernetes.default.svc.cluster.local", cluster.plan().dnsServiceIp());
                    assertThat(lookup.stdout().strip()).as(node + ": " + lookup.stderr())
                            .isEqualTo(cluster.plan().firstServiceIp());
                    // the control plane runs as the cluster's own user, which alone can read its keys (ps -C matches
                    // the kernel's command name, cut to 15 characters)
                    int uid = cluster.plan().controlPlaneUid();
                    assertThat(provider.exec(node, "ps", "-o", "uid=", "-C",
                            "etcd,kube-apiserver,kube-controller,kube-scheduler").stdout().strip().split("\\s+"))
                            .as(node).hasSize(4).containsOnly(String.valueOf(uid));
                    assertThat(provider.exec(node, "stat", "-c", "%u %a", "/etc/kubernetes/pki/ca.key",
                            "/etc/kubernetes/controller-manager.conf").stdout().lines())
                            .as(node).containsOnly(uid + " 600");
                    int rootInstances = Integer.parseInt(provider.exec(node, "sh", "-c", ROOT_INSTANCES).stdout().strip());
                    assertThat(rootInstances).as("root's inotify instances on " + node)
                            .isLessThanOrEqualTo(NodeInotifyUse.CONTROL_PLANE);
                    nodesTotal += rootInstances;
                    volumes.add(varVolume(node));
                }
                assertThat(clusters.stream().map(cluster -> cluster.plan().nodeSubnet()).distinct())
                        .as("each cluster has its own network").hasSize(CLUSTERS);
                HostReadings.InotifyUse after = inotify.read(0).value();
                System.out.printf("DensityIT: root's inotify instances on the host %d before, %d with the clusters"
                        + " (nodes' own %d), limit %d%n", before.inUse(), after.inUse(), nodesTotal, after.limit());
                assertThat(after.inUse()).isLessThanOrEqualTo(after.limit());
            } finally {
                names.forEach(provider::deleteCluster);
                threads.shutdownNow();
            }
            for (String name : names) {
                assertThat(provider.listNodes(name)).isEmpty();
                assertThat(provider.networkSubnet(name)).isEmpty();
            }
        }
        assertThat(volumes).hasSize(CLUSTERS);
        assertThat(TestDocker.client().listVolumesCmd().exec().getVolumes())
                .as("the nodes' /var volumes are removed with them")
                .noneMatch(volume -> volumes.contains(volume.getName()));
        assertThat(ClusterIT.hostSysctls()).isEqualTo(sysctlsBefore);
    }

    private static String varVolume(String node) {
        return TestDocker.client().inspectContainerCmd(node).exec().getMounts().stream()
                .filter(mount -> "/var".equals(mount.getDestination().getPath()))
                .findFirst().orElseThrow().getName();
    }
}
