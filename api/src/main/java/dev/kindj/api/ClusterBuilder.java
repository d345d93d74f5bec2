package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ClusterConfigLoader;
import dev.kindj.internal.nodeimage.LoadBalancerImage;
import dev.kindj.internal.provision.bootstrap.ApiOnlyRequest;
import dev.kindj.internal.provision.bootstrap.ClusterCreator;
import dev.kindj.internal.provision.bootstrap.CreatedCluster;
import dev.kindj.internal.provision.bootstrap.CreationProgress;
import dev.kindj.internal.provision.plan.ClusterPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster to create, described fluently and made by {@link #create()}. Without a config or counts it is one
 * control plane, as {@code kind create cluster}. Made by {@link Kindj#cluster(String)}.
 */
public final class ClusterBuilder {

    private final Kindj kindj;
    private final String name;
    private ClusterConfig config;
    private String configSource;
    private Integer controlPlanes;
    private Integer workers;
    private String kubernetesVersion;
    private String image;
    private String registry;
    private String apiServerAddress;
    private boolean retainOnFailure;
    private boolean keepOnClose;
    private boolean reuse;
    private boolean loadBalancerServices = true;
    private ClusterFlavor flavor = ClusterFlavor.FULL;
    private Duration waitForReady = Duration.ofMinutes(3);
    private CreationListener listener = CreationListener.SILENT;

    ClusterBuilder(Kindj kindj, String name) {
        this.kindj = kindj;
        this.name = name;
    }

    /** How many control planes; more than one puts a load balancer in front of their API servers. Default 1. */
    public ClusterBuilder controlPlanes(int count) {
        this.controlPlanes = count;
        return this;
    }

    /** How many workers. Default 0: the control plane runs workloads too. */
    public ClusterBuilder workers(int count) {
        this.workers = count;
        return this;
    }

    /** A kind {@code Cluster} config ({@code kind.x-k8s.io/v1alpha4}) read from a file; its nodes replace the counts. */
    public ClusterBuilder config(Path file) {
        return config(ClusterConfigLoader.load(file), file.toString());
    }

    /** A kind {@code Cluster} config as YAML text. */
    public ClusterBuilder config(String yaml) {
        return config(ClusterConfigLoader.parse(yaml, "<config>"), "<config>");
    }

    /**
     * A kind {@code Cluster} config read from a stream (which is not closed).
     *
     * @param sourceName names the YAML in error messages, e.g. {@code <stdin>}
     */
    public ClusterBuilder config(InputStream yaml, String sourceName) {
        try {
            String text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
            return config(ClusterConfigLoader.parse(text, sourceName), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config from " + sourceName, e);
        }
    }

    /** A config built in Java with {@link ClusterConfig#builder()}. */
    public ClusterBuilder config(ClusterConfig clusterConfig) {
        return config(Objects.requireNonNull(clusterConfig, "clusterConfig"), "ClusterConfig");
    }

    private ClusterBuilder config(ClusterConfig clusterConfig, String source) {
        this.config = clusterConfig;
        this.configSource = source;
        return this;
    }

    /** The Kubernetes release ({@code v1.35.4}); its node image is built when missing. Excludes {@link #image}. */
    public ClusterBuilder kubernetesVersion(String version) {
        this.kubernetesVersion = version;
        return this;
    }

    /** A node image already in the Docker engine, for nodes whose config names none. Excludes the version. */
    public ClusterBuilder image(String nodeImage) {
        this.image = nodeImage;
        return this;
    }

    /**
     * The local registry the nodes pull {@code localhost:<port>/...} from (see {@link Kindj#registry(String)}); it
     * must exist. Replaces the config's {@code kindjRegistry}.
     */
    public ClusterBuilder registry(String registryName) {
        this.registry = registryName;
        return this;
    }

    /**
     * The IP address the API server is published on and the kubeconfig names (kind's {@code
     * networking.apiServerAddress}); replaces the config's. Default: 127.0.0.1 for a local engine, the engine host's
     * address for one reached over TCP (DOCKER_HOST {@code tcp://HOST:PORT}).
     */
    public ClusterBuilder apiServerAddress(String address) {
        this.apiServerAddress = address;
        return this;
    }

    /** Keep the containers when creation fails, to look at them; default false: a failure removes everything. */
    public ClusterBuilder retainOnFailure(boolean retain) {
        this.retainOnFailure = retain;
        return this;
    }

    /** Leave the cluster running when its handle is closed; default false: close deletes it. */
    public ClusterBuilder keepOnClose(boolean keep) {
        this.keepOnClose = keep;
        return this;
    }

    /**
     * Keep the cluster when its handle is closed, and let a later {@link #create()} with the same name, config and
     * node image attach to it (in seconds) instead of making a new one: a fast inner loop across test runs. A kept
     * cluster made from another request, or one that no longer answers, is deleted and made again; a cluster of that
     * name not made for reuse is refused. Delete it with {@code kindj delete cluster --name <name>}. Default false.
     */
    public ClusterBuilder reuse(boolean reuseCluster) {
        this.reuse = reuseCluster;
        return this;
    }

    /**
     * Whether Services of type LoadBalancer get an address from the cluster's Docker network (MetalLB in L2 mode),
     * reachable from the host and from containers on that network. Default true; false saves its memory and start-up.
     */
    public ClusterBuilder loadBalancerServices(boolean enabled) {
        this.loadBalancerServices = enabled;
        return this;
    }

    /**
     * What the cluster runs; default {@link ClusterFlavor#FULL}. An {@link ClusterFlavor#API_ONLY} cluster has exactly
     * one control plane and refuses what needs nodes (workers, port mappings, mounts, a local registry, containerd
     * patches); images cannot be loaded into it.
     */
    public ClusterBuilder flavor(ClusterFlavor clusterFlavor) {
        this.flavor = Objects.requireNonNull(clusterFlavor, "clusterFlavor");
        return this;
    }

    /** Shorthand for {@code flavor(ClusterFlavor.API_ONLY)}: etcd, API server and controller-manager, no nodes. */
    public ClusterBuilder apiOnly() {
        return flavor(ClusterFlavor.API_ONLY);
    }

    /** How long to wait for nodes and DNS to be ready; zero returns once the API answers. Default 3 minutes. */
    public ClusterBuilder waitForReady(Duration timeout) {
        this.waitForReady = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Hears progress: config warnings, image builds, creation steps. */
    public ClusterBuilder listener(CreationListener creationListener) {
        this.listener = Objects.requireNonNull(creationListener, "creationListener");
        return this;
    }

    /**
     * The config this builder stands for, with its name applied and checked; nothing is created.
     *
     * @throws dev.kindj.InvalidRequestException for contradicting settings, an invalid config or name, or settings an
     *         api-only cluster cannot have
     */
    public ClusterConfig toConfig() {
        if (config != null && (controlPlanes != null || workers != null)) {
            throw new InvalidRequestException("cluster " + Objects.requireNonNullElse(name, config.name())
                    + ": set a config (" + configSource + ") or controlPlanes/workers, not both");
        }
        if (image != null && kubernetesVersion != null) {
            throw new InvalidRequestException("set a node image (" + image + ") or a Kubernetes version ("
                    + kubernetesVersion + "), not both");
        }
        if (controlPlanes != null && controlPlanes < 1 || workers != null && workers < 0) {
            throw new InvalidRequestException("a cluster needs at least one control plane and no negative number of"
                    + " workers (asked: controlPlanes " + controlPlanes + ", workers " + workers + ")");
        }
        ClusterConfig chosen = config != null ? config : ClusterConfig.builder()
                .withControlPlanes(Objects.requireNonNullElse(controlPlanes, 1))
                .withWorkers(Objects.requireNonNullElse(workers, 0))
                .build();
        ClusterConfig named = chosen.withName(name != null ? name : chosen.name());
        ClusterConfig addressed = apiServerAddress != null ? named.withApiServerAddress(apiServerAddress) : named;
        ClusterConfig withRegistry = registry != null ? addressed.withRegistry(registry) : addressed;
        if (flavor == ClusterFlavor.API_ONLY) {
            ApiOnlyRequest.check(withRegistry);
        }
        return withRegistry;
    }

    /**
     * The name the cluster gets: the one given to {@link Kindj#cluster(String)}, else the config's, else
     * {@value Kindj#DEFAULT_CLUSTER_NAME}.
     *
     * @throws dev.kindj.InvalidRequestException as {@link #toConfig()}
     */
    public String name() {
        return toConfig().name();
    }

    /**
     * Makes the cluster: ensures its images (built when missing), starts the nodes, bootstraps Kubernetes and waits
     * until it is ready. A failure removes what was made, unless {@link #retainOnFailure}. With {@link #reuse(boolean)},
     * first attaches to a matching kept cluster if there is one.
     *
     * @throws dev.kindj.InvalidRequestException for a bad config, a taken name, a missing image or local registry, or
     *         when the host has no room for the cluster (inotify instances, ports, subnets, disk) or no usable engine;
     *         nothing is made then, and the message says what is short, by how much, and the fix
     * @throws dev.kindj.KindjException when creation fails; the message names the step
     */
    public KindjCluster create() {
        ClusterConfig clusterConfig = toConfig();
        String reuseHash = null;
        if (reuse) {
            // The request's hash names its node image, so the image is found (or built) before anything else.
            reuseHash = ReuseMarker.hash(clusterConfig, nodeImage(), loadBalancerServices, flavor);
            Optional<KindjCluster> kept = kept(clusterConfig.name(), reuseHash);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        clusterConfig.warnings().forEach(listener::warning);
        ClusterCreator creator = ClusterCreator.forConfig(clusterConfig, kindj.provider())
                .withRetain(retainOnFailure)
                .withLoadBalancerServices(loadBalancerServices)
                .withApiOnly(flavor == ClusterFlavor.API_ONLY)
                .withWaitForReady(waitForReady)
                .withProgress(progress(reuse ? clusterConfig.name() : null));
        // Before images are built: a build takes minutes, wasted on a host that cannot take the cluster.
        creator.preflight();
        String nodeImage = nodeImage();
        String loadBalancerImage = ClusterPlanner.needsLoadBalancer(clusterConfig)
                ? LoadBalancerImage.ensure(nodeImage, listener::message)
                : null;
        CreatedCluster created = creator.withImage(nodeImage).withLoadBalancerImage(loadBalancerImage).create();
        KindjCluster cluster = KindjCluster.created(kindj, created.name(), created.kubeconfig(), !keepOnClose && !reuse, false);
        if (reuse) {
            ReuseMarker.write(cluster, reuseHash);
        }
        return cluster;
    }

    /** The cluster an earlier reuse request kept under this name, when it matches; else empty, after deleting it. */
    private Optional<KindjCluster> kept(String clusterName, String reuseHash) {
        Optional<KindjCluster> existing = kindj.find(clusterName);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (ReuseMarker.matches(kindj, existing.get(), reuseHash)) {
            listener.message("reusing cluster " + clusterName + ", kept from an earlier request");
            return Optional.of(KindjCluster.created(kindj, clusterName, null, false, true));
        }
        listener.message("cluster " + clusterName + " was kept from another request or does not answer; making it again");
        kindj.delete(clusterName);
        return Optional.empty();
    }

    private String nodeImage() {
        return image != null ? image
                : kindj.nodeImage(kubernetesVersion != null ? kubernetesVersion : Kindj.DEFAULT_KUBERNETES_VERSION)
                        .progress(listener::message).ensure();
    }

    /** Passes progress to the listener; for a reused cluster, marks it as such as soon as its containers exist. */
    private CreationProgress progress(String markedForReuse) {
        return new CreationProgress() {
            private boolean marked = markedForReuse == null;

            @Override
            public void started(String title) {
                listener.stepStarted(title);
            }

            @Override
            public void finished(String title, Duration took) {
                listener.stepFinished(title, took);
                if (!marked) {
                    marked = ReuseMarker.writePending(kindj, markedForReuse);
                }
            }

            @Override
            public void failed(String title, Throwable error) {
                listener.stepFailed(title, error);
            }
        };
    }
}
