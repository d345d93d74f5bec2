package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.kindj.InvalidRequestException;
import dev.kindj.internal.provision.docker.DockerClients;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Copying files into and out of nodes. The cluster is one sleeping container labelled like a control plane, made
 * with Docker directly: copying needs no Kubernetes.
 */
class NodeFilesIT {

    private static final String CLUSTER = "api-files-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String NODE = CLUSTER + "-control-plane";
    private static final byte[] NOTE = "written through the API\n".getBytes(StandardCharsets.UTF_8);

    private final Kindj kindj = Kindj.connect();
    private final DockerClient docker = DockerClients.connect();
    private KindjCluster cluster;

    @BeforeEach
    void startOneNode() {
        docker.createContainerCmd(kindj.nodeImage().ensure())
                .withName(NODE)
                .withLabels(Map.of("dev.kindj.cluster", CLUSTER, "dev.kindj.role", "control-plane"))
                .withEntrypoint("sleep", "infinity")
                .exec();
        docker.startContainerCmd(NODE).exec();
        cluster = kindj.get(CLUSTER);
    }

    @AfterEach
    void deleteTheCluster() {
        cluster.delete();
    }

    @Test
    void aFileWrittenIntoANodeIsReadBack() {
        cluster.copyToNode(NODE, "/etc/kindj-test/note", NOTE, 0600);

        assertThat(cluster.copyFromNode(NODE, "/etc/kindj-test/note")).isEqualTo(NOTE);
    }

    @Test
    void readingWhatIsNoFileOrFromAnUnknownNodeIsAnInvalidRequest() {
        assertThatThrownBy(() -> cluster.copyFromNode(NODE, "/etc/kindj-test/missing"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot read /etc/kindj-test/missing on " + NODE);
        assertThatThrownBy(() -> cluster.copyFromNode(NODE, "/etc"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot read /etc on " + NODE);
        assertThatThrownBy(() -> cluster.copyFromNode(CLUSTER + "-worker", "/etc/hostname"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no node named '" + CLUSTER + "-worker'");
    }
}
