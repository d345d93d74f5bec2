package dev.kindj.internal.provision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 17's soak on a 1+2 cluster: rounds of a ConfigMap, a Deployment using it and a Service in front of it,
 * created, waited for and deleted, until {@code kindj.soak.pods} pods have run, spread evenly over
 * {@code kindj.soak.duration} (ISO-8601; defaults: 20 pods in 40 s here, 200 pods in PT10M for {@code bench/soak.sh},
 * which runs this class). A GET is timed every 100 ms through a client of its own, first on the idle cluster (as
 * long as the churn, at most 2 minutes), then during the churn; the two p50s and p99s and the host's load are
 * logged, for the benchmark to judge (issue 17 asks within 2x), never asserted: on a shared 2-core machine they follow
 * the load of everything else. Asserted afterwards: no pod left Terminating, the nodes' memory back within 10 % of the
 * start, and in every node as many iptables rules and veths as before, no frozen cgroup. The start is taken after one warm-up round, so that what a
 * fresh node does once (the image's files read into the page cache, the kubelet's first pod) is not counted as
 * growth. Every number is logged ("measured: ...").
 */
class SoakIT {

    private static final Logger LOG = LoggerFactory.getLogger(SoakIT.class);
    private static final Duration DURATION = Duration.parse(System.getProperty("kindj.soak.duration", "PT40S"));
    private static final int PODS = Integer.getInteger("kindj.soak.pods", 20);
    private static final int REPLICAS = 5;
    private static final String NAMESPACE = "soak";
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(90);
    /**
     * How long the nodes' memory has to come back: what the churn leaves is only released by the cluster's own
     * periodic clean-ups, the API server's compaction of etcd (every 5 minutes) above all, and Go's forced collection
     * (every 2 minutes) in an otherwise idle process.
     */
    private static final Duration MEMORY_BACK_WITHIN = Duration.ofMinutes(6);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    /** As long as the churn, up to 2 minutes: a p99 from enough samples, taken over seconds, not a burst. */
    private static final Duration IDLE_WINDOW = DURATION.compareTo(Duration.ofMinutes(2)) < 0 ? DURATION
            : Duration.ofMinutes(2);

    private static TestCluster cluster;
    /**
     * The timed GETs' own client (own connections and event loop), so that they never queue in the client behind the
     * churn's requests and waits.
     */
    private static KubernetesClient probe;
    private static final Map<String, NodeFootprint> before = new LinkedHashMap<>();

    @BeforeAll
    static void createCluster() throws Exception {
        cluster = TestCluster.create("soak", 1, 2);
        probe = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(cluster.created().kubeconfig())).build();
        new ImageLoader(cluster.provider()).loadImages(List.of(TestImages.app()), cluster.nodeNames());
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .endMetadata().build()).create();
    }

    @AfterAll
    static void deleteCluster() {
        if (probe != null) {
            probe.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void churnLeavesLatencyMemoryRulesAndInterfacesWhereTheyWere() throws Exception {
        KubernetesClient client = cluster.client();
        create(client, -1);
        delete(client, -1);
        awaitChurnedPodsGone(client);
        for (int i = 0; i < 20; i++) {
            timedGet(probe);
        }
        Instant idleEnds = Instant.now().plus(IDLE_WINDOW);
        List<Long> idle = sample(() -> Instant.now().isBefore(idleEnds));
        cluster.nodeNames().forEach(node -> before.put(node, NodeFootprint.of(cluster.provider(), node)));
        LOG.info("measured: idle GET p50 {} ms, p99 {} ms ({} samples in {} s, host load {}); nodes before: {} "
                + "({} MiB in all)", ms(percentile(idle, 50)), ms(percentile(idle, 99)), idle.size(),
                IDLE_WINDOW.toSeconds(), hostLoad(), before, mib(before));
        logLargestProcesses("before");

        AtomicBoolean churning = new AtomicBoolean(true);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<List<Long>> sampled = sampler.submit(() -> sample(churning::get));
        Instant start = Instant.now();
        int rounds = Math.max(1, PODS / REPLICAS);
        try {
            for (int round = 0; round < rounds; round++) {
                create(client, round);
                if (round > 0) {
                    delete(client, round - 1);
                }
                Duration untilNext = Duration.between(Instant.now(), start.plus(DURATION.multipliedBy(round + 1)
                        .dividedBy(rounds)));
                if (!untilNext.isNegative()) {
                    Thread.sleep(untilNext.toMillis());
                }
            }
            delete(client, rounds - 1);
        } finally {
            churning.set(false);
            sampler.shutdown();
        }
        List<Long> busy = sampled.get(30, TimeUnit.SECONDS);
        Instant churnEnded = Instant.now();
        LOG.info("measured: churn of {} rounds ({} pods) took {} s", rounds, rounds * REPLICAS,
                Duration.between(start, churnEnded).toMillis() / 1000.0);

        LOG.info("measured: GET under churn p50 {} ms, p99 {} ms ({} samples, host load {}): {}x and {}x idle",
                ms(percentile(busy, 50)), ms(percentile(busy, 99)), busy.size(), hostLoad(),
                ratio(percentile(busy, 50), percentile(idle, 50)), ratio(percentile(busy, 99), percentile(idle, 99)));
        awaitChurnedPodsGone(client);
        logLargestProcesses("after");
        assertThat(cluster.kubectl("get", "pods", "-A", "-o", "jsonpath={.items[*].metadata.deletionTimestamp}")
                .orThrow(cluster.controlPlane()).stdout()).as("pods Terminating anywhere: %s", cluster.describe())
                .isBlank();
        Map<String, NodeFootprint> after = new LinkedHashMap<>();
        Waits.until("every node's rules, veths and memory to be back", MEMORY_BACK_WITHIN, () -> {
            cluster.nodeNames().forEach(node -> after.put(node, NodeFootprint.of(cluster.provider(), node)));
            return before.keySet().stream().allMatch(node -> settled(before.get(node), after.get(node)))
                    && Math.abs(mib(after) - mib(before)) <= mib(before) / 10;
        }, () -> "before: " + before + " (" + mib(before) + " MiB)\nafter: " + after + " (" + mib(after) + " MiB)");
        LOG.info("measured: nodes {} s after the churn: {} ({} MiB in all, {} MiB before)",
                Duration.between(churnEnded, Instant.now()).toMillis() / 1000.0, after, mib(after), mib(before));
    }

    /** Where a node's memory sits: its five largest processes by resident size. */
    private static void logLargestProcesses(String when) {
        for (String node : cluster.nodeNames()) {
            String largest = cluster.provider().exec(node, "sh", "-c", "ps -eo rss=,comm= --sort=-rss | head -5")
                    .orThrow(node).stdout().strip().lines().map(line -> line.strip().split("\\s+", 2))
                    .map(fields -> fields[1] + " " + Long.parseLong(fields[0]) / 1024 + " MiB")
                    .collect(Collectors.joining(", "));
            LOG.info("measured: {} the churn, largest processes in {}: {}", when, node, largest);
        }
    }

    /** Rules and veths as before, nothing frozen. */
    private static boolean settled(NodeFootprint start, NodeFootprint now) {
        return now.iptablesRules() == start.iptablesRules() && now.veths() == start.veths() && now.frozenCgroups() == 0;
    }

    /** The nodes' memory together, in MiB. */
    private static long mib(Map<String, NodeFootprint> nodes) {
        return Math.round(nodes.values().stream().mapToDouble(NodeFootprint::memoryMiB).sum());
    }

    private static void awaitChurnedPodsGone(KubernetesClient client) {
        Waits.until("the churned pods to be gone", SETTLE_WITHIN,
                () -> client.pods().inNamespace(NAMESPACE).list().getItems().isEmpty(), cluster::describe);
    }

    /** A ConfigMap, a Deployment of {@link #REPLICAS} pods reading it, and a Service; waits until they all run. */
    private static void create(KubernetesClient client, int round) {
        String name = name(round);
        Map<String, String> labels = Map.of("app", name);
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .endMetadata().addToData("MESSAGE", "round " + round).build()).create();
        client.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(REPLICAS).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(5L).addNewContainer().withName("web")
                .withImage(TestImages.APP).withImagePullPolicy("Never").withArgs("serve", "8080", "round " + round)
                .addNewEnvFrom().withNewConfigMapRef().withName(name).endConfigMapRef().endEnvFrom()
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
        client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withSelector(labels).addNewPort().withPort(80)
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build()).create();
        Waits.until(REPLICAS + " pods of " + name + " to be ready", SETTLE_WITHIN, () -> {
            Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
            Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
            return ready != null && ready == REPLICAS;
        }, cluster::describe);
    }

    private static void delete(KubernetesClient client, int round) {
        String name = name(round);
        client.services().inNamespace(NAMESPACE).withName(name).delete();
        client.apps().deployments().inNamespace(NAMESPACE).withName(name).delete();
        client.configMaps().inNamespace(NAMESPACE).withName(name).delete();
    }

    /** Round -1 is the warm-up. */
    private static String name(int round) {
        return round < 0 ? "warm-up" : "churn-" + round;
    }

    /**
     * GETs timed every {@link #SAMPLE_EVERY} through {@link #probe} while {@code going}: idle and under churn alike, so
     * that both percentiles come from the same cadence, client and number of samples per second.
     */
    private static List<Long> sample(BooleanSupplier going) throws InterruptedException {
        List<Long> samples = new ArrayList<>();
        while (going.getAsBoolean()) {
            samples.add(timedGet(probe));
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        return samples;
    }

    /** The host's 1-, 5- and 15-minute load averages: what else ran on the 2 cores meanwhile. */
    private static String hostLoad() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static long timedGet(KubernetesClient client) {
        long start = System.nanoTime();
        client.configMaps().inNamespace("kube-system").withName("kube-root-ca.crt").get();
        return System.nanoTime() - start;
    }

    private static long percentile(List<Long> samples, int percent) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double ratio(long busy, long idle) {
        return Math.round(10.0 * busy / idle) / 10.0;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
