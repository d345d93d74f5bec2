package dev.kindj.junit.extension;

import dev.kindj.junit.KubeClusterHandle;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoader;
import dev.kindj.internal.provision.logs.ClusterLogs;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A cluster that is up, as the tests of a run use it; the run deletes the cluster itself. */
final class ClusterSession implements KubeClusterHandle {

    enum Origin { CREATED, REATTACHED }

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);

    private final DockerNodeProvider provider;
    private final String name;
    private final String kubeconfig;
    private final Origin origin;
    private final Instant startupBegan;
    private final Instant ready = Instant.now();
    private KubernetesClient client;
    private Path kubeconfigFile;
    private Object officialClient;

    ClusterSession(DockerNodeProvider provider, String name, String kubeconfig, Origin origin, Instant startupBegan) {
        this.provider = provider;
        this.name = name;
        this.kubeconfig = kubeconfig;
        this.origin = origin;
        this.startupBegan = startupBegan;
    }

    @Override
    public String name() {
        return name;
    }

    DockerNodeProvider provider() {
        return provider;
    }

    Origin origin() {
        return origin;
    }

    Instant startupBegan() {
        return startupBegan;
    }

    Instant ready() {
        return ready;
    }

    Duration startupTime() {
        return Duration.between(startupBegan, ready);
    }

    @Override
    public List<Node> nodes() {
        return provider.listNodes(name);
    }

    @Override
    public String kubeconfig() {
        return kubeconfig;
    }

    @Override
    public synchronized Path kubeconfigPath() {
        if (kubeconfigFile == null) {
            try {
                kubeconfigFile = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? Files.createTempFile("kindj-" + name + "-", ".kubeconfig",
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createTempFile("kindj-" + name + "-", ".kubeconfig");
                Files.writeString(kubeconfigFile, kubeconfig);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the kubeconfig of cluster " + name, e);
            }
        }
        return kubeconfigFile;
    }

    @Override
    public synchronized KubernetesClient client() {
        if (client == null) {
            Config config = Config.fromKubeconfig(kubeconfig);
            if (config.getNamespace() == null) {
                config.setNamespace("default"); // as kubectl: a kubeconfig without a namespace means "default"
            }
            client = new KubernetesClientBuilder().withConfig(config).build();
        }
        return client;
    }

    /** An {@code io.kubernetes.client.openapi.ApiClient}; only called when client-java is on the classpath. */
    synchronized Object officialClient() {
        if (officialClient == null) {
            officialClient = OfficialClient.create(kubeconfig);
        }
        return officialClient;
    }

    /** Whether the API server answers with these credentials. */
    boolean answers() {
        try {
            client().getKubernetesVersion();
            return true;
        } catch (KubernetesClientException e) {
            LOG.debug("cluster {} does not answer: {}", name, e.getMessage());
            return false;
        }
    }

    @Override
    public void loadImage(String... images) {
        List<String> nodeNames = ClusterNodes.kubernetesNodes(provider, name).stream().map(Node::name).toList();
        long start = System.nanoTime();
        new ImageLoader(provider).loadImages(List.of(images), nodeNames);
        LOG.debug("loaded {} into {} in {} ms", List.of(images), name, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public ExecResult exec(String node, String... command) {
        return provider.exec(node, command);
    }

    @Override
    public Path exportLogs(Path directory) {
        return ClusterLogs.export(provider, name, directory);
    }

    /** Releases the clients and the kubeconfig file; a later use makes them again. */
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (kubeconfigFile != null) {
            try {
                Files.deleteIfExists(kubeconfigFile);
            } catch (IOException e) {
                LOG.debug("could not delete {}: {}", kubeconfigFile, e.getMessage());
            }
            kubeconfigFile = null;
        }
    }

    @Override
    public String toString() {
        return "cluster " + name;
    }
}
