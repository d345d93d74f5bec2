package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import dev.kindj.internal.provision.bootstrap.ApiOnlyRequest;
import dev.kindj.internal.provision.bootstrap.LiveNodes;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoadReport;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.kubeconfig.ClusterKubeconfig;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import dev.kindj.internal.provision.lifecycle.ClusterLifecycle;
import dev.kindj.internal.provision.logs.ClusterLogs;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A kindj cluster: its nodes, its kubeconfig and clients, and what can be done to it. {@link #close()} deletes a
 * cluster this process created (unless it was told to keep it) and releases clients and files in every case; handles
 * from {@link Kindj#find} and {@link Kindj#get} never delete on close. Safe to share between threads.
 */
public final class KindjCluster implements AutoCloseable {

    private static final Duration DEFAULT_START_WAIT = Duration.ofMinutes(3);

    private final Kindj kindj;
    private final String name;
    private final boolean deleteOnClose;
    private final boolean reused;
    private String kubeconfig;
    private Path kubeconfigFile;
    private KubernetesClient client;

    private KindjCluster(Kindj kindj, String name, String kubeconfig, boolean deleteOnClose, boolean reused) {
        this.kindj = kindj;
        this.name = name;
        this.kubeconfig = kubeconfig;
        this.deleteOnClose = deleteOnClose;
        this.reused = reused;
    }

    /** @param reused whether {@link ClusterBuilder#create()} attached to a kept cluster instead of making one */
    static KindjCluster created(Kindj kindj, String name, String kubeconfig, boolean deleteOnClose, boolean reused) {
        return new KindjCluster(kindj, name, kubeconfig, deleteOnClose, reused);
    }

    static KindjCluster found(Kindj kindj, String name) {
        return new KindjCluster(kindj, name, null, false, false);
    }

    /** The cluster's name, as {@code kindj get clusters} lists it. */
    public String name() {
        return name;
    }

    /**
     * Whether {@link ClusterBuilder#create()} attached to a cluster kept by an earlier request with
     * {@link ClusterBuilder#reuse(boolean) reuse} instead of making one.
     */
    public boolean reused() {
        return reused;
    }

    /** The Docker network of the cluster's containers; containers on it reach the API by {@link #internalKubeconfig()}. */
    public String networkName() {
        return DockerNodeProvider.networkName(name);
    }

    /**
     * The cluster's containers, load balancer included, sorted by name.
     *
     * @throws dev.kindj.InvalidRequestException when the cluster no longer exists
     */
    public List<KindjNode> nodes() {
        return ClusterNodes.all(kindj.provider(), name).stream()
                .sorted(Comparator.comparing(Node::name))
                .map(node -> new KindjNode(node.name(), NodeRole.valueOf(node.role().name()), node.ipAddress(),
                        node.state(), node.image()))
                .toList();
    }

    /** The admin kubeconfig (YAML) for clients on this machine: the API on 127.0.0.1, context {@code kindj-<name>}. */
    public synchronized String kubeconfig() {
        if (kubeconfig == null) {
            requireExists();
            kubeconfig = ClusterKubeconfig.read(kindj.provider(), name, false);
        }
        return kubeconfig;
    }

    /** The admin kubeconfig for clients in containers on the cluster's Docker network: the API at its address there. */
    public String internalKubeconfig() {
        requireExists();
        return ClusterKubeconfig.read(kindj.provider(), name, true);
    }

    /** {@link #kubeconfig()} as a file only its owner can read, deleted by {@link #close()}. */
    public synchronized Path kubeconfigPath() {
        if (kubeconfigFile == null) {
            try {
                kubeconfigFile = Files.createTempFile("kindj-" + name + "-", ".kubeconfig", KubeconfigFile.ownerOnly());
                Files.writeString(kubeconfigFile, kubeconfig());
            } catch (IOException e) {
                throw new KindjException("cannot write the kubeconfig of cluster " + name + ": " + e.getMessage(), e);
            }
        }
        return kubeconfigFile;
    }

    /** Adds the cluster to a kubeconfig file (see {@link KubeconfigFiles}) and makes it the current context. */
    public void exportKubeconfig(Path file) {
        KubeconfigFiles.merge(file, kubeconfig());
    }

    /**
     * A fabric8 client with the admin kubeconfig, in namespace {@code default}; shared by every caller and closed by
     * {@link #close()}, so do not close it yourself. Needs {@code io.fabric8:kubernetes-client} on the classpath.
     */
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = FabricClients.create(kubeconfig());
        }
        return client;
    }

    /**
     * Applies Kubernetes objects server-side through {@link #client()} (field manager {@code kindj}, conflicts forced,
     * unknown fields refused), in order: manifest by manifest, document by document. Namespaced objects without a
     * namespace go to {@code default}. An object whose kind a CustomResourceDefinition earlier in the same call
     * defines waits until the API serves it. Chain {@link AppliedManifests#awaitReady(Duration)} to wait for the
     * workloads. Needs {@code io.fabric8:kubernetes-client} on the classpath, as {@link #client()}.
     *
     * @throws dev.kindj.InvalidRequestException for a kind the cluster does not serve (a missing CRD) or an object the
     *         API server rejects; the message names the manifest and line. Objects before it stay applied.
     */
    public AppliedManifests apply(Manifests... manifests) {
        return new ManifestApplier(client()).apply(List.of(manifests));
    }

    /** Applies the YAML in a file; see {@link #apply(Manifests...)}. */
    public AppliedManifests apply(Path manifest) {
        return apply(Manifests.fromPath(manifest));
    }

    /** Applies the YAML at a URL; see {@link #apply(Manifests...)}. */
    public AppliedManifests apply(URL manifest) {
        return apply(Manifests.fromUrl(manifest));
    }

    /** Applies YAML text (one or more documents); see {@link #apply(Manifests...)}. */
    public AppliedManifests apply(String yaml) {
        return apply(Manifests.fromYaml(yaml));
    }

    /** Applies the YAML in a classpath resource ({@code k8s/app.yaml}); see {@link #apply(Manifests...)}. */
    public AppliedManifests applyResource(String resource) {
        return apply(Manifests.fromResource(resource));
    }

    /**
     * Helm charts on this cluster: install, upgrade and uninstall from a local chart directory or {@code .tgz}, then
     * wait for what they rendered. Needs {@code com.marcnuri.helm-java:helm-java} and {@code io.fabric8:kubernetes-client}
     * on the classpath.
     *
     * @throws dev.kindj.InvalidRequestException when helm-java is not on the classpath, naming the dependency to add
     */
    public HelmCharts helm() {
        return new HelmCharts(this);
    }

    /**
     * Copies images from the local Docker engine into every Kubernetes node, so pods can run them with
     * {@code imagePullPolicy: Never} or {@code IfNotPresent}; nodes that have an image already are skipped.
     */
    public ImageLoadResult loadImages(String... images) {
        return loadImages(List.of(images), List.of());
    }

    /**
     * Copies images from the local Docker engine into the named nodes, or every Kubernetes node when none is named.
     *
     * @throws dev.kindj.InvalidRequestException for an unknown node or image, or an api-only cluster
     */
    public ImageLoadResult loadImages(List<String> images, List<String> nodeNames) {
        return result(new ImageLoader(kindj.provider()).loadImages(images, nodesToLoad(nodeNames)));
    }

    /** Loads every image of a {@code docker save} archive into the named nodes, or every Kubernetes node. */
    public ImageLoadResult loadImageArchive(Path archive, List<String> nodeNames) {
        return result(new ImageLoader(kindj.provider()).loadArchive(archive, nodesToLoad(nodeNames)));
    }

    /** Runs a command in a node container, as {@code docker exec}; a non-zero exit is returned, not thrown. */
    public CommandResult exec(String node, String... command) {
        requireNode(node);
        ExecResult result = kindj.provider().exec(node, command);
        return new CommandResult(result.command(), result.exitCode(), result.stdout(), result.stderr());
    }

    /**
     * Writes a file into a node container with the given Unix permission bits, creating its parent directories. It
     * goes through the node's own view of its filesystem, so paths on the node's tmpfs mounts ({@code /tmp},
     * {@code /run}) work too.
     */
    public void copyToNode(String node, String absolutePath, byte[] content, int mode) {
        requireNode(node);
        String script = "mkdir -p \"$(dirname \"$1\")\" && cat > \"$1\" && chmod " + Integer.toOctalString(mode) + " \"$1\"";
        ExecResult write = kindj.provider().exec(node, List.of("sh", "-c", script, "sh", absolutePath),
                new ByteArrayInputStream(content));
        if (!write.succeeded()) {
            throw new KindjException("writing " + absolutePath + " on " + node + " failed: " + write.stderr().strip(), null);
        }
    }

    /**
     * Reads a regular file from a node container, as the node sees it.
     *
     * @throws dev.kindj.InvalidRequestException for an unknown node, or a path that is no regular file on it
     */
    public byte[] copyFromNode(String node, String absolutePath) {
        requireNode(node);
        // base64, because exec output is text
        ExecResult read = kindj.provider().exec(node, "base64", "-w0", "--", absolutePath);
        if (!read.succeeded()) {
            throw new InvalidRequestException("cannot read " + absolutePath + " on " + node + ": " + read.stderr().strip());
        }
        return Base64.getDecoder().decode(read.stdout().strip());
    }

    /**
     * Writes what {@code kindj export logs} writes into {@code directory}: per node the journals of its components and
     * its containers' logs; for the cluster its events, pods and node descriptions. Private keys are never included.
     *
     * @return {@code directory}
     */
    public Path exportLogs(Path directory) {
        return ClusterLogs.export(kindj.provider(), name, directory);
    }

    /** Stops every container; they keep their disks, so {@link #start()} brings the cluster back as it was. */
    public void stop() {
        ClusterLifecycle.stop(kindj.provider(), name);
    }

    /** Starts the stopped containers and waits up to 3 minutes until the nodes are Ready and DNS runs. */
    public void start() {
        start(DEFAULT_START_WAIT);
    }

    /** Starts the stopped containers and waits until the nodes are Ready and DNS runs; zero does not wait. */
    public void start(Duration waitForReady) {
        ClusterLifecycle.start(kindj.provider(), name, waitForReady);
    }

    /**
     * Joins a new worker, with the first control plane's image, and waits until it is Ready.
     *
     * @throws dev.kindj.InvalidRequestException when the host has no room for another node ({@link Kindj#doctor()}
     *         shows why); nothing is made then
     */
    public KindjNode addWorker() {
        return addWorker(Optional.empty());
    }

    /** Joins a new worker running the given node image and waits until it is Ready; refused as {@link #addWorker()}. */
    public KindjNode addWorker(String nodeImage) {
        return addWorker(Optional.of(nodeImage));
    }

    private KindjNode addWorker(Optional<String> nodeImage) {
        ApiOnlyRequest.requireNodes(kindj.provider(), name, "add a worker");
        return joined(LiveNodes.addWorker(kindj.provider(), name, nodeImage));
    }

    /**
     * Joins a new control plane, with the first control plane's image, and waits until it is Ready: a new etcd member
     * and a new backend of the load balancer. Control planes whose containers are gone (deleted with
     * {@code docker rm -f}, say) are removed from the cluster first, so this replaces a lost control plane: etcd has
     * as many members as before, all healthy.
     *
     * @throws dev.kindj.InvalidRequestException for a cluster with one control plane (no load balancer), or when the
     *         host has no room for another node; nothing is made then
     */
    public KindjNode addControlPlane() {
        return joined(LiveNodes.addControlPlane(kindj.provider(), name, Optional.empty()));
    }

    /** Joins a new control plane running the given node image; as {@link #addControlPlane()}. */
    public KindjNode addControlPlane(String nodeImage) {
        return joined(LiveNodes.addControlPlane(kindj.provider(), name, Optional.of(nodeImage)));
    }

    private KindjNode joined(String added) {
        return nodes().stream().filter(node -> node.name().equals(added)).findFirst()
                .orElseThrow(() -> new KindjException("node " + added + " vanished right after joining " + name, null));
    }

    /**
     * Takes a node out of the cluster: drains a worker, or removes a control plane's etcd member and load-balancer
     * backend; then deletes its container and its Node. A node whose container is already gone is removed all the
     * same, so this also cleans up after a control plane lost for good.
     *
     * @throws dev.kindj.InvalidRequestException for an unknown node, the load balancer, the only control plane, or a
     *         control plane of a cluster without a load balancer
     */
    public void removeNode(String nodeName) {
        LiveNodes.remove(kindj.provider(), name, nodeName);
    }

    /** Deletes the cluster now (containers, volumes, network) and releases this handle. */
    public void delete() {
        release();
        kindj.delete(name);
    }

    /** Releases clients and files; deletes the cluster when this process created it and was not told to keep it. */
    @Override
    public void close() {
        if (deleteOnClose) {
            delete();
        } else {
            release();
        }
    }

    private synchronized void release() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (kubeconfigFile != null) {
            try {
                Files.deleteIfExists(kubeconfigFile);
            } catch (IOException e) {
                // a temporary file in the way of nothing; the OS cleans its temp folder
            }
            kubeconfigFile = null;
        }
    }

    Kindj kindj() {
        return kindj;
    }

    private void requireExists() {
        ClusterNodes.all(kindj.provider(), name);
    }

    /** Any running container of the cluster, load balancer included. */
    private void requireNode(String node) {
        ClusterNodes.runningContainer(kindj.provider(), name, node);
    }

    /**
     * The running nodes to load images into: the named ones, or every Kubernetes node; refused for an api-only cluster.
     * One listing of the cluster's containers answers both questions.
     */
    private List<String> nodesToLoad(List<String> nodeNames) {
        List<Node> nodes = ClusterNodes.kubernetesNodes(kindj.provider(), name);
        ApiOnlyRequest.requireNodes(kindj.provider(), name, nodes, "load images");
        return ClusterNodes.running(nodes, name, nodeNames).stream().map(Node::name).toList();
    }

    private static ImageLoadResult result(ImageLoadReport report) {
        return new ImageLoadResult(report.entries().stream()
                .map(entry -> new ImageLoadResult.Entry(entry.image(), entry.node(),
                        ImageLoadResult.Outcome.valueOf(entry.outcome().name())))
                .toList());
    }

    @Override
    public String toString() {
        return "kindj cluster " + name;
    }

    /** Kept apart so that loading {@link KindjCluster} never needs fabric8 on the classpath. */
    private static final class FabricClients {

        static KubernetesClient create(String kubeconfig) {
            io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(kubeconfig);
            if (config.getNamespace() == null) {
                config.setNamespace("default"); // as kubectl: a kubeconfig without a namespace means "default"
            }
            return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
        }
    }
}
