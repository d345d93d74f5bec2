package dev.kindj.internal.provision.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.kindj.internal.provision.TestDocker;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoadReport.Entry;
import dev.kindj.internal.provision.images.ImageLoadReport.Outcome;
import dev.kindj.internal.provision.node.ClusterNodes;
import dev.kindj.internal.provision.node.UnknownNameException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading images into a real 1+1 cluster: only the chosen nodes, skipped by image ID, from an archive. */
class ImageLoaderIT {

    private static TestCluster cluster;
    private static ImageLoader loader;
    /** Image names no other test run uses. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void createCluster() throws Exception {
        TestImages.app();
        cluster = TestCluster.create("load", 1, 1);
        loader = new ImageLoader(cluster.provider());
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster == null) {
            return;
        }
        try {
            for (String tag : List.of("selected", "again", "renamed", "archived", "moved")) {
                try {
                    TestDocker.client().removeImageCmd(name(tag)).exec();
                } catch (NotFoundException notBuilt) {
                    // the test that builds it did not run
                }
            }
        } finally {
            cluster.close();
        }
    }

    @Test
    void loadsOnlyIntoTheSelectedNodesAndThePodRuns() throws Exception {
        String image = built("selected");
        ImageLoadReport report = loader.loadImages(List.of(image), List.of(cluster.worker(1)));

        assertThat(report.entries()).containsExactly(new Entry(image, cluster.worker(1), Outcome.IMPORTED));
        assertThat(imagesOn(cluster.worker(1))).contains("docker.io/" + image);
        assertThat(imagesOn(cluster.controlPlane())).doesNotContain("docker.io/" + image);
        cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName("loaded").endMetadata()
                .withNewSpec().withNodeName(cluster.worker(1))
                .addNewContainer().withName("app").withImage(image).withImagePullPolicy("Never")
                .withArgs("serve", "8080", "loaded").endContainer().endSpec().build()).create();
        Waits.until("the pod of the loaded image to run", Duration.ofSeconds(90), () -> {
            Pod pod = cluster.client().pods().inNamespace("default").withName("loaded").get();
            return pod != null && "Running".equals(pod.getStatus().getPhase());
        }, cluster::describe);
    }

    @Test
    void skipsNodesThatHaveTheSameImageAndOnlyNamesItWhereItHasAnotherName() throws Exception {
        String image = built("again");
        List<String> nodes = List.of(cluster.controlPlane(), cluster.worker(1));
        assertThat(nodes(loader.loadImages(List.of(image), nodes), image, Outcome.IMPORTED)).isEqualTo(nodes);
        awaitImageIdName(image, nodes);

        assertThat(nodes(loader.loadImages(List.of(image), nodes), image, Outcome.PRESENT)).isEqualTo(nodes);

        String renamed = name("renamed");
        TestDocker.client().tagImageCmd(image, "kindj-test/load-" + RUN, "renamed").exec();
        assertThat(nodes(loader.loadImages(List.of(renamed), nodes), renamed, Outcome.TAGGED)).isEqualTo(nodes);
        assertThat(imagesOn(cluster.worker(1))).contains("docker.io/" + renamed);
    }

    @Test
    void aNameMovedToARebuiltImageIsLoadedOnceThenSkipped() throws Exception {
        String image = built("moved");
        List<String> node = List.of(cluster.worker(1));
        loader.loadImages(List.of(image), node);
        awaitImageIdName(image, node);
        String older = TestDocker.client().inspectImageCmd(image).exec().getId();
        try {
            rebuilt(image);
            assertThat(nodes(loader.loadImages(List.of(image), node), image, Outcome.IMPORTED)).isEqualTo(node);
            awaitImageIdName(image, node);
            assertThat(nodes(loader.loadImages(List.of(image), node), image, Outcome.PRESENT)).isEqualTo(node);
            assertThat(imagesOn(cluster.worker(1))).as("the older image keeps its ID name").contains(older);
        } finally {
            TestDocker.client().removeImageCmd(older).withForce(true).exec();
        }
    }

    @Test
    void loadsAnArchiveAndSkipsItTheSecondTime(@TempDir Path dir) throws Exception {
        String image = built("archived");
        Path archive = dir.resolve("image.tar");
        try (var save = TestDocker.client().saveImageCmd(image).exec()) {
            Files.copy(save, archive);
        }
        List<String> node = List.of(cluster.controlPlane());
        assertThat(nodes(loader.loadArchive(archive, node), image, Outcome.IMPORTED)).isEqualTo(node);
        awaitImageIdName(image, node);
        assertThat(nodes(loader.loadArchive(archive, node), image, Outcome.PRESENT)).isEqualTo(node);
    }

    @Test
    void unknownImagesNodesAndFilesAreNamedInTheError(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.loadImages(List.of("kindj-test/no-such-image:1"), List.of(cluster.worker(1))))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("kindj-test/no-such-image:1");
        assertThatThrownBy(() -> ClusterNodes.runningKubernetesNodes(cluster.provider(), cluster.name(), List.of("nope")))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("nope").hasMessageContaining(cluster.worker(1));
        assertThatThrownBy(() -> loader.loadArchive(dir.resolve("missing.tar"), List.of(cluster.worker(1))))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("missing.tar");
    }

    /** containerd's CRI plugin names an image by its ID a moment after the import; skipping relies on that name. */
    private static void awaitImageIdName(String image, List<String> nodes) {
        String id = TestDocker.client().inspectImageCmd(image).exec().getId();
        for (String node : nodes) {
            Waits.until("containerd on " + node + " to name " + image + " by its ID", Duration.ofSeconds(10),
                    () -> imagesOn(node).contains(id), () -> String.join(", ", imagesOn(node)));
        }
    }

    private static String name(String tag) {
        return "kindj-test/load-" + RUN + ":" + tag;
    }

    /** The test app with a label of its own: an image with an ID no other test loads. */
    private static String built(String tag) throws Exception {
        String name = name(tag);
        build(name, name);
        return name;
    }

    /** The same name on a new image: another label value gives another ID. */
    private static void rebuilt(String name) throws Exception {
        build(name, name + "-rebuilt");
    }

    private static void build(String name, String label) throws Exception {
        Process build = new ProcessBuilder("docker", "build", "-q", "-t", name, "-").redirectErrorStream(true).start();
        try (var dockerfile = build.getOutputStream()) {
            dockerfile.write(("FROM " + TestImages.APP + "\nLABEL dev.kindj.test=" + label + "\n").getBytes());
        }
        String output = new String(build.getInputStream().readAllBytes());
        assertThat(build.waitFor()).as("docker build of %s: %s", name, output).isZero();
    }

    private static List<String> imagesOn(String node) {
        return cluster.provider().exec(node, "ctr", "--namespace=k8s.io", "images", "ls", "-q").orThrow(node)
                .stdout().lines().toList();
    }

    /** The nodes where the image had this outcome, sorted by name. */
    private static List<String> nodes(ImageLoadReport report, String image, Outcome outcome) {
        return report.entries().stream().filter(entry -> entry.image().equals(image) && entry.outcome() == outcome)
                .map(Entry::node).sorted().toList();
    }
}
