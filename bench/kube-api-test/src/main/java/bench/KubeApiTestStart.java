package bench;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts kube-api-test's etcd + kube-apiserver RUNS times offline and prints each start time and
 * the median. Arguments: TEST_DIR (holding k8s/VERSION-linux-amd64/{etcd,kube-apiserver,kubectl}),
 * VERSION, RUNS.
 */
public final class KubeApiTestStart {

    public static void main(String[] args) {
        String testDir = args[0];
        String version = args[1];
        int runs = Integer.parseInt(args[2]);
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            seconds.add(startAndStop(testDir, version));
        }
        System.out.printf("kube-api-test start: %s s (median %.1f s)%n",
                seconds.stream().map(s -> String.format("%.1f", s)).toList(), median(seconds));
    }

    /** Starts etcd and kube-apiserver, stops them, and returns the seconds until the API was ready. */
    static double startAndStop(String testDir, String version) {
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(testDir)
                .withApiServerVersion(version)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
        long start = System.nanoTime();
        server.start();
        double seconds = (System.nanoTime() - start) / 1e9;
        server.stop();
        return seconds;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
