package bench;

import dev.kindj.api.CreationListener;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Alternates, RUNS times in one JVM, a start of fabric8 kube-api-test (etcd + kube-apiserver, offline, the node
 * image's binaries) and a create() of a kindj api-only cluster (etcd + kube-apiserver + kube-controller-manager),
 * each timed from the call to a ready API, then stopped or deleted. Prints each time, both medians and their ratio.
 * Arguments: TEST_DIR (holding k8s/VERSION-linux-amd64/{etcd,kube-apiserver,kubectl}), VERSION, NODE_IMAGE, RUNS.
 */
public final class ApiOnlyStart {

    public static void main(String[] args) {
        String testDir = args[0];
        String version = args[1];
        String nodeImage = args[2];
        int runs = Integer.parseInt(args[3]);
        boolean verbose = Boolean.getBoolean("steps");
        List<Double> peer = new ArrayList<>();
        List<Double> kindj = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            peer.add(KubeApiTestStart.startAndStop(testDir, version));

            long start = System.nanoTime();
            try (KindjCluster cluster = Kindj.connect().cluster("apionly-bench").apiOnly().image(nodeImage)
                    .listener(verbose ? steps() : CreationListener.SILENT).create()) {
                kindj.add(seconds(start));
            }
            System.out.printf("round %d: kube-api-test %.2f s, kindj api-only %.2f s%n",
                    run + 1, peer.get(run), kindj.get(run));
        }
        double peerMedian = KubeApiTestStart.median(peer);
        double kindjMedian = KubeApiTestStart.median(kindj);
        System.out.printf("kube-api-test start: median %.2f s %s%n", peerMedian, rounded(peer));
        System.out.printf("kindj api-only create: median %.2f s %s%n", kindjMedian, rounded(kindj));
        System.out.printf("ratio kindj / kube-api-test: %.2f (target <= 1.2)%n", kindjMedian / peerMedian);
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
