package bench;

import dev.kindj.api.ClusterBuilder;
import dev.kindj.api.CreationListener;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Alternates, RUNS times in one JVM, a start of fabric8 kube-api-test (etcd + kube-apiserver, offline, the node
 * image's binaries) and a create() of a kindj cluster, each timed from the call until it returns, then stopped or
 * deleted. Prints each time, both medians and their ratio. The kindj cluster is, with {@code -Dflavor=api-only}, an
 * api-only one (etcd + kube-apiserver + kube-controller-manager; ready = the API answers), otherwise a full one-node
 * cluster (ready = the node Ready and CoreDNS available, as {@code kindj create cluster} waits for).
 * Arguments: TEST_DIR (holding k8s/VERSION-linux-amd64/{etcd,kube-apiserver,kubectl}), VERSION, NODE_IMAGE, RUNS.
 */
public final class AgainstKubeApiTest {

    public static void main(String[] args) {
        String testDir = args[0];
        String version = args[1];
        String nodeImage = args[2];
        int runs = Integer.parseInt(args[3]);
        boolean verbose = Boolean.getBoolean("steps");
        boolean apiOnly = "api-only".equals(System.getProperty("flavor"));
        String flavor = apiOnly ? "api-only" : "one node";
        double target = apiOnly ? 1.2 : 1.5;
        List<Double> peer = new ArrayList<>();
        List<Double> kindj = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            peer.add(KubeApiTestStart.startAndStop(testDir, version));

            long start = System.nanoTime();
            ClusterBuilder builder = Kindj.connect().cluster(apiOnly ? "apionly-bench" : "onenode-bench").image(nodeImage)
                    .listener(verbose ? steps() : CreationListener.SILENT);
            try (KindjCluster cluster = (apiOnly ? builder.apiOnly() : builder).create()) {
                kindj.add(seconds(start));
            }
            System.out.printf("round %d: kube-api-test %.2f s, kindj %s %.2f s%n",
                    run + 1, peer.get(run), flavor, kindj.get(run));
        }
        double peerMedian = KubeApiTestStart.median(peer);
        double kindjMedian = KubeApiTestStart.median(kindj);
        System.out.printf("kube-api-test start: median %.2f s %s%n", peerMedian, rounded(peer));
        System.out.printf("kindj %s create: median %.2f s %s%n", flavor, kindjMedian, rounded(kindj));
        System.out.printf("ratio kindj / kube-api-test: %.2f (target <= %.1f)%n", kindjMedian / peerMedian, target);
    }

    private static CreationListener steps() {
        return new CreationListener() {
            @Override
            public void stepFinished(String title, Duration took) {
                System.out.printf("  %s: %d ms%n", title, took.toMillis());
            }
        };
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(s -> String.format("%.2f", s)).toList();
    }
}
