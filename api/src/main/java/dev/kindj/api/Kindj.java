package dev.kindj.api;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.RegistryName;
import dev.kindj.internal.nodeimage.NodeImage;
import dev.kindj.internal.provision.KindjVersion;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.docker.DockerUnavailableException;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.preflight.Demand;
import dev.kindj.internal.provision.preflight.HostReadings;
import dev.kindj.internal.provision.preflight.NoEngine;
import dev.kindj.internal.provision.preflight.Preflight;
import java.util.List;
import java.util.Optional;

/**
 * kindj's front door: Kubernetes clusters of Docker containers, made and found from Java. The CLI and the JUnit
 * extension go through it too.
 *
 * <pre>{@code
 * try (KindjCluster cluster = Kindj.connect().cluster("ci").workers(2).create()) {
 *     cluster.loadImages("my-app:dev");
 *     cluster.client().pods().list();
 * }
 * }</pre>
 *
 * <p>The Docker engine is found as the docker CLI and Testcontainers find it: {@code DOCKER_HOST}, else the default
 * socket. One connection serves the whole process.
 */
public final class Kindj {

    /** The Kubernetes release clusters run when no version or image is given. */
    public static final String DEFAULT_KUBERNETES_VERSION = NodeImage.DEFAULT_KUBERNETES_VERSION;
    /** The cluster name when none is given, as kind's. */
    public static final String DEFAULT_CLUSTER_NAME = ClusterConfig.DEFAULT_NAME;
    /** The local registry's name when none is given. */
    public static final String DEFAULT_REGISTRY_NAME = RegistryName.DEFAULT;

    private static Kindj shared;

    private final DockerNodeProvider provider;

    private Kindj(DockerNodeProvider provider) {
        this.provider = provider;
    }

    /**
     * The process's connection to the Docker engine, made on the first call.
     *
     * @throws dev.kindj.KindjException when no engine answers; the message says where kindj looked
     */
    public static synchronized Kindj connect() {
        if (shared == null) {
            shared = new Kindj(DockerNodeProvider.connect());
        }
        return shared;
    }

    /** kindj's own version, e.g. {@code 0.1.0}; clusters carry it in their {@code dev.kindj.version} label. */
    public static String version() {
        return KindjVersion.get();
    }

    /**
     * Checks this host as {@link ClusterBuilder#create()} does before it makes anything, for a default cluster of one
     * control plane, and reports each check with its numbers and how many more nodes fit. What it finds is never
     * thrown, an engine that does not answer included.
     */
    public static HostReport doctor() {
        HostReadings host;
        try {
            host = connect().provider.host();
        } catch (DockerUnavailableException e) {
            host = new NoEngine(e.reason());
        }
        return HostReport.of(Preflight.run(Demand.forCluster(ClusterConfig.builder().build()), host));
    }

    /** Starts describing a new cluster with this name; {@link ClusterBuilder#create()} makes it. */
    public ClusterBuilder cluster(String name) {
        return new ClusterBuilder(this, name);
    }

    /** Starts describing a new cluster named by its config, else {@value #DEFAULT_CLUSTER_NAME}. */
    public ClusterBuilder cluster() {
        return new ClusterBuilder(this, null);
    }

    /** The names of every kindj cluster on the engine, sorted. */
    public List<String> clusters() {
        return provider.listClusters().stream().sorted().toList();
    }

    /** An existing cluster; closing the handle this returns leaves the cluster running. */
    public Optional<KindjCluster> find(String name) {
        return provider.listClusters().contains(name) ? Optional.of(KindjCluster.found(this, name)) : Optional.empty();
    }

    /**
     * An existing cluster; closing the handle this returns leaves the cluster running.
     *
     * @throws dev.kindj.InvalidRequestException when there is no such cluster; the message lists those that exist
     */
    public KindjCluster get(String name) {
        ClusterNodes.all(provider, name);
        return KindjCluster.found(this, name);
    }

    /** Removes the cluster's containers, volumes and network; a cluster that does not exist is no error. */
    public void delete(String name) {
        provider.deleteCluster(name);
    }

    /** Starts describing a new local registry with this name; {@link RegistryBuilder#create()} makes it. */
    public RegistryBuilder registry(String name) {
        return new RegistryBuilder(this, name);
    }

    /** Starts describing a new local registry named {@value #DEFAULT_REGISTRY_NAME}. */
    public RegistryBuilder registry() {
        return registry(DEFAULT_REGISTRY_NAME);
    }

    /** Every kindj local registry on the engine, sorted by name. */
    public List<KindjRegistry> registries() {
        return provider.registries().list().stream().map(registry -> new KindjRegistry(this, registry)).toList();
    }

    /** An existing local registry. */
    public Optional<KindjRegistry> findRegistry(String name) {
        return provider.findRegistry(name).map(registry -> new KindjRegistry(this, registry));
    }

    /**
     * Removes a local registry's container and volume.
     *
     * @throws dev.kindj.InvalidRequestException when there is no such registry, or while a cluster uses it (the
     *         message names the clusters: delete them first)
     */
    public void deleteRegistry(String name) {
        provider.registries().delete(name);
    }

    /** The node image of a Kubernetes release ({@code v1.MINOR.PATCH}), to find or build. */
    public NodeImageRequest nodeImage(String kubernetesVersion) {
        return new NodeImageRequest(kubernetesVersion);
    }

    /** The node image of {@link #DEFAULT_KUBERNETES_VERSION}. */
    public NodeImageRequest nodeImage() {
        return nodeImage(DEFAULT_KUBERNETES_VERSION);
    }

    DockerNodeProvider provider() {
        return provider;
    }
}
