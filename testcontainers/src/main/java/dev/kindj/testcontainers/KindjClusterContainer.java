package dev.kindj.testcontainers;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.ClusterBuilder;
import dev.kindj.api.HelmRequest;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.api.Manifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;

/**
 * A kindj Kubernetes cluster as a Testcontainers {@link Startable}: declare it as a {@code @Container} field and the
 * Testcontainers JUnit extension starts it before the tests (static field: once per class) and deletes it after.
 *
 * <pre>{@code
 * @Container
 * static KindjClusterContainer cluster = new KindjClusterContainer().withWorkers(1)
 *         .withImages("my/app:dev")
 *         .withHelmChart("db", Path.of("charts/db"))
 *         .withManifests("k8s/app.yaml");
 * }</pre>
 *
 * <p>It starts no Testcontainers container, so it needs no Ryuk: a JVM that exits or is interrupted without
 * {@link #stop()} deletes the cluster from a shutdown hook; only a killed JVM ({@code kill -9}) leaves it, for
 * {@code kindj delete cluster --name <name>}. Everything goes through kindj's public API, {@link #getCluster()}
 * included.
 */
public class KindjClusterContainer implements Startable {

    private static final String NAME_PREFIX = "tc-";
    private static final int RANDOM_BYTES = 4;

    private String name;
    private Integer controlPlanes;
    private Integer workers;
    private Path configFile;
    private String configYaml;
    private String kubernetesVersion;
    private String nodeImage;
    private boolean reuse;
    private boolean apiOnly;
    private final List<String> manifestLocations = new ArrayList<>();
    private final List<Manifests> manifests = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private final List<HelmChart> charts = new ArrayList<>();
    private Duration startupTimeout = Duration.ofMinutes(3);
    private KindjCluster cluster;
    private Thread deleteAtExit;

    /** A chart to install at start, with what the caller set on its request. */
    private record HelmChart(String release, Path chart, Consumer<HelmRequest> options) {
    }

    /** The cluster's name; default {@code tc-} and a random suffix, or with {@link #withReuse} one the request decides. */
    public KindjClusterContainer withName(String clusterName) {
        this.name = clusterName;
        return this;
    }

    /** How many control planes; more than one puts a load balancer in front of them. Default 1. */
    public KindjClusterContainer withControlPlanes(int count) {
        this.controlPlanes = count;
        return this;
    }

    /** How many workers. Default 0: the control plane runs workloads too. */
    public KindjClusterContainer withWorkers(int count) {
        this.workers = count;
        return this;
    }

    /** A kind {@code Cluster} config file ({@code kind.x-k8s.io/v1alpha4}); its nodes replace the counts. */
    public KindjClusterContainer withConfig(Path file) {
        this.configFile = file;
        return this;
    }

    /** A kind {@code Cluster} config as YAML text. */
    public KindjClusterContainer withConfig(String yaml) {
        this.configYaml = yaml;
        return this;
    }

    /** The Kubernetes release ({@code v1.35.4}); its node image is built when missing. */
    public KindjClusterContainer withKubernetesVersion(String version) {
        this.kubernetesVersion = version;
        return this;
    }

    /** A kindj node image already in the Docker engine. */
    public KindjClusterContainer withImage(String image) {
        this.nodeImage = image;
        return this;
    }

    /**
     * Keep the cluster after {@link #stop()} and attach to it when the same request starts again (next test class, next
     * run): seconds instead of a new cluster. Manifests are applied and images loaded again, which changes nothing
     * that is already there. Delete it with {@code kindj delete cluster --name <name>}.
     */
    public KindjClusterContainer withReuse(boolean reuseCluster) {
        this.reuse = reuseCluster;
        return this;
    }

    /**
     * Manifests applied after start, in order, and waited for (see {@link #withStartupTimeout}): classpath resources, or
     * files when no resource has the name. They are read at {@link #start()}, before any cluster is made.
     */
    public KindjClusterContainer withManifests(String... classpathResourcesOrFiles) {
        manifestLocations.addAll(List.of(classpathResourcesOrFiles));
        return this;
    }

    /** Manifests read already, e.g. {@link Manifests#fromYaml(String)}; applied after those named by location. */
    public KindjClusterContainer withManifests(Manifests... read) {
        manifests.addAll(List.of(read));
        return this;
    }

    /**
     * A local Helm chart (directory or {@code .tgz}) installed after start as {@code release} in namespace
     * {@code default}, with the chart's own values; see {@link #withHelmChart(String, Path, Consumer)}.
     */
    public KindjClusterContainer withHelmChart(String release, Path chart) {
        return withHelmChart(release, chart, request -> { });
    }

    /**
     * A local Helm chart installed after start, after the images and before the manifests (which may use what it
     * defines), and waited for as the manifests are: {@code helm upgrade --install}, so a kept cluster
     * ({@link #withReuse}) gets the chart's new revision. {@code options} sets the namespace and values:
     * {@code helm -> helm.namespace("db").values(Map.of("replicas", 1))}. Needs
     * {@code com.marcnuri.helm-java:helm-java} on the classpath.
     */
    public KindjClusterContainer withHelmChart(String release, Path chart, Consumer<HelmRequest> options) {
        charts.add(new HelmChart(Objects.requireNonNull(release, "release"), Objects.requireNonNull(chart, "chart"),
                Objects.requireNonNull(options, "options")));
        return this;
    }

    /**
     * An api-only cluster: one container with etcd, the API server and the controller-manager, no nodes (pods stay
     * Pending), ready in seconds; for operator and controller tests. It takes no workers, more control planes or
     * images: {@link #start()} refuses them before anything is made.
     */
    public KindjClusterContainer withApiOnly() {
        this.apiOnly = true;
        return this;
    }

    /** Images from the local Docker engine, loaded into every node after start (no registry needed). */
    public KindjClusterContainer withImages(String... dockerImages) {
        images.addAll(List.of(dockerImages));
        return this;
    }

    /**
     * How long nodes, DNS and then each chart's and the manifests' workloads may take to be ready, each. Default 3
     * minutes.
     */
    public KindjClusterContainer withStartupTimeout(Duration timeout) {
        this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Makes the cluster (or, with {@link #withReuse}, attaches to the kept one), loads the images, installs the charts
     * and applies the manifests, waiting until their workloads are ready. When any of this fails, a cluster made here
     * is deleted before the error is thrown.
     */
    @Override
    public synchronized void start() {
        if (cluster != null) {
            return;
        }
        List<Manifests> toApply = new ArrayList<>();
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                KindjClusterContainer.class.getClassLoader());
        manifestLocations.forEach(location -> toApply.add(Manifests.fromResourceOrPath(location, loader)));
        toApply.addAll(manifests);
        if (apiOnly && !images.isEmpty()) {
            throw new InvalidRequestException("an api-only cluster has no nodes to load images " + images + " into;"
                    + " remove withImages or withApiOnly");
        }
        ClusterBuilder request = request();
        KindjCluster started = request.create();
        try {
            if (!images.isEmpty()) {
                started.loadImages(images.toArray(String[]::new));
            }
            for (HelmChart chart : charts) {
                HelmRequest helm = started.helm().upgradeOrInstall(chart.release(), chart.chart());
                chart.options().accept(helm);
                helm.awaitReady(startupTimeout);
            }
            if (!toApply.isEmpty()) {
                started.apply(toApply.toArray(Manifests[]::new)).awaitReady(startupTimeout);
            }
        } catch (RuntimeException e) {
            if (started.reused()) {
                started.close(); // kept on purpose; the next start makes it again if it no longer matches
            } else {
                started.delete();
            }
            throw e;
        }
        cluster = started;
        if (!reuse) {
            // Ryuk's job, done without Ryuk: an interrupted run (Ctrl-C, a CI timeout) still deletes the cluster.
            deleteAtExit = new Thread(started::close, "kindj-cluster-cleanup");
            Runtime.getRuntime().addShutdownHook(deleteAtExit);
        }
    }

    /** Deletes the cluster, or with {@link #withReuse} only lets go of it. */
    @Override
    public synchronized void stop() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        if (deleteAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(deleteAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now and finds the cluster gone
            }
            deleteAtExit = null;
        }
    }

    private ClusterBuilder request() {
        ClusterBuilder builder = Kindj.connect().cluster(name != null ? name : defaultName())
                .reuse(reuse)
                .waitForReady(startupTimeout);
        Optional.ofNullable(controlPlanes).ifPresent(builder::controlPlanes);
        Optional.ofNullable(workers).ifPresent(builder::workers);
        Optional.ofNullable(configFile).ifPresent(builder::config);
        Optional.ofNullable(configYaml).ifPresent(builder::config);
        Optional.ofNullable(kubernetesVersion).ifPresent(builder::kubernetesVersion);
        Optional.ofNullable(nodeImage).ifPresent(builder::image);
        if (apiOnly) {
            builder.apiOnly();
        }
        return builder;
    }

    /** Random, or for a kept cluster derived from the request, so that the same request finds it again. */
    private String defaultName() {
        if (!reuse) {
            byte[] random = new byte[RANDOM_BYTES];
            new SecureRandom().nextBytes(random);
            return NAME_PREFIX + HexFormat.of().formatHex(random);
        }
        // String.hashCode is specified, so every JVM derives the same name from the same request
        String request = controlPlanes + "|" + workers + "|" + configFile + "|" + configYaml + "|" + kubernetesVersion
                + "|" + nodeImage;
        return NAME_PREFIX + "kept-" + Integer.toHexString(request.hashCode());
    }

    /** The running cluster, for everything else the API offers ({@code exec}, {@code exportLogs}, ...). */
    public synchronized KindjCluster getCluster() {
        if (cluster == null) {
            throw new IllegalStateException("the kindj cluster is not started; call start() or declare it as a @Container");
        }
        return cluster;
    }

    /** The admin kubeconfig (YAML) for clients on this machine: the API on 127.0.0.1. */
    public String getKubeconfig() {
        return getCluster().kubeconfig();
    }

    /** The admin kubeconfig for containers on {@link #getNetwork()}: the API at its address on that network. */
    public String getInternalKubeconfig() {
        return getCluster().internalKubeconfig();
    }

    /** A fabric8 client with the admin kubeconfig, namespace {@code default}; closed by {@link #stop()}. */
    public KubernetesClient getClient() {
        return getCluster().client();
    }

    /**
     * The cluster's Docker network, for {@code GenericContainer.withNetwork(...)}: containers on it reach the API with
     * {@link #getInternalKubeconfig()}. The cluster owns it; closing it does nothing.
     */
    public Network getNetwork() {
        String network = getCluster().networkName();
        return new Network() {
            @Override
            public String getId() {
                return network;
            }

            @Override
            public void close() {
                // the network lives and dies with the cluster
            }
        };
    }

    @Override
    public String toString() {
        return cluster != null ? cluster.toString() : "kindj cluster (not started)";
    }
}
