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
            KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                    .withTestDir(testDir)
                    .withApiServerVersion(version)
                    .withOfflineMode(true)
                    .withUpdateKubeConfig(false)
                    .build());
            long start = System.nanoTime();
            server.start();
            seconds.add((System.nanoTime() - start) / 1e9);
            server.stop();
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("kube-api-test start: %s s (median %.1f s)%n",
                seconds.stream().map(s -> String.format("%.1f", s)).toList(), median);
    }
}
