package dev.kindj.junit.extension;

import dev.kindj.internal.provision.bootstrap.ClusterCreator;
import dev.kindj.internal.provision.bootstrap.CreatedCluster;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.node.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes clusters for a run, and finds the ones an earlier run kept for reuse. */
final class ClusterStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStarter.class);

    private final DockerNodeProvider provider;
    private final TestRun.Stamp run;

    ClusterStarter(DockerNodeProvider provider, TestRun.Stamp run) {
        this.provider = provider;
        this.run = run;
    }

    ClusterSession create(ClusterRequest request, String name, String image) {
        Instant start = Instant.now();
        LOG.info("creating cluster {} ({}, image {}) for {}", name, request.describe(), image, request.declaredOn().getName());
        ClusterMarker marker = ClusterMarker.forThisRun(run, request.reuse(), request.reuseHash(image));
        CreatedCluster created = ClusterCreator.forConfig(request.config().withName(name), provider)
                .withImage(image)
                .withWaitForReady(request.waitTimeout())
                .withProgress(new CreationLog(provider, name, marker))
                .create();
        if (request.reuse()) {
            marker.withKubeconfig(created.kubeconfig()).writeTo(provider, provider.listNodes(name));
        }
        ClusterSession session = new ClusterSession(provider, name, created.kubeconfig(), ClusterSession.Origin.CREATED, start);
        LOG.info("cluster {} ready in {} ms", name, session.startupTime().toMillis());
        return session;
    }

    /**
     * The cluster an earlier run kept under this name, when it was made from the same configuration and
     * still answers; otherwise empty, after deleting what is there.
     *
     * @throws ExtensionConfigurationException if a cluster of that name exists that the extension did not make
     */
    Optional<ClusterSession> reattach(String name, String reuseHash) {
        if (!provider.listClusters().contains(name)) {
            return Optional.empty();
        }
        Instant start = Instant.now();
        ClusterMarker marker = ClusterMarker.read(provider, name).orElseThrow(() -> new ExtensionConfigurationException(
                "a cluster named " + name + " exists that @KubeCluster did not create; delete it"
                        + " (kindj delete cluster --name " + name + ") or give the test another name"));
        List<Node> nodes = provider.listNodes(name);
        if (marker.reuse() && marker.reuseHash().equals(reuseHash) && !marker.kubeconfig().isEmpty()
                && nodes.stream().allMatch(Node::isRunning)) {
            ClusterSession session = new ClusterSession(provider, name, marker.kubeconfig(), ClusterSession.Origin.REATTACHED, start);
            if (session.answers()) {
                LOG.info("attached to kept cluster {} in {} ms", name, session.startupTime().toMillis());
                return Optional.of(session);
            }
            session.close();
        }
        LOG.info("kept cluster {} no longer matches its configuration or does not answer; making it again", name);
        provider.deleteCluster(name);
        return Optional.empty();
    }
}
