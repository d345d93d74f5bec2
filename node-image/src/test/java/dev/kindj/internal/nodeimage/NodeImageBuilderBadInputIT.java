package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real recipe with inputs it must refuse within seconds. None of them may start a build
 * or leave the requested name tagged.
 */
class NodeImageBuilderBadInputIT {

    private static final Duration FAST = Duration.ofSeconds(20);

    private final String image = "kindj-test/node:bad-input-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void aMissingBinaryDirectoryIsBadInputNamingIt() {
        NodeImageException error = buildFails(builder("v1.35.4").withSource(KubernetesSource.parse("dir:/nonexistent")));

        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT);
        assertThat(error).hasMessageContaining("directory /nonexistent does not exist");
    }

    @Test
    void aDirectoryWithoutTheBinariesIsBadInputNamingTheFirstMissingOne(@TempDir Path empty) {
        NodeImageException error = buildFails(builder("v1.35.4").withSource(KubernetesSource.directory(empty)));

        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT);
        assertThat(error).hasMessageContaining(empty.resolve("kube-apiserver") + " is missing");
    }

    @Test
    void aBaseImageThatIsNotLocalIsBadInput() {
        NodeImageException error = buildFails(builder("v1.35.4").withBaseImage("kindj-test/no-such-base:1"));

        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT);
        assertThat(error).hasMessageContaining("--base-image kindj-test/no-such-base:1 is not in the local Docker image store");
    }

    @Test
    void anInvalidImageNameIsBadInput() {
        NodeImageException error = buildFails(NodeImageBuilder.forVersion("v1.35.4").withImage("Not:A/Valid:Name"));

        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.BAD_INPUT);
        assertThat(error).hasMessageContaining("not a valid image name: Not:A/Valid:Name");
    }

    @Test
    void anUnreachableDownloadSiteIsReportedAsSuch() {
        // With dl.k8s.io reachable this would download and build for real: never in a test.
        assumeFalse(reachable("dl.k8s.io"), "dl.k8s.io is reachable from here");

        NodeImageException error = buildFails(builder("v1.35.4").withSource(KubernetesSource.RELEASE));

        assertThat(error.kind()).isEqualTo(NodeImageException.Kind.SOURCE_UNREACHABLE);
        assertThat(error).hasMessageContaining("the Kubernetes download site (https://dl.k8s.io/release/v1.35.4/bin/linux/amd64) is unreachable");
    }

    @Test
    void aVersionTheModuleProxyDoesNotHaveIsRefused() {
        // Without a host Go, build.sh first builds its Go builder image (minutes) before asking the proxy.
        assumeTrue(onPath("go"), "no go on PATH");

        NodeImageException error = buildFails(builder("v1.35.99"));

        // BAD_INPUT when the proxy answers "no such version", SOURCE_UNREACHABLE when no proxy answers.
        assertThat(error.kind()).isIn(NodeImageException.Kind.BAD_INPUT, NodeImageException.Kind.SOURCE_UNREACHABLE);
        assertThat(error).hasMessageContaining("Kubernetes v1.35.99");
    }

    @Test
    void theDefaultNameIsLeftUntaggedToo() {
        NodeImageBuilder builder = NodeImageBuilder.forVersion("v1.35.4")
                .withSource(KubernetesSource.parse("dir:/nonexistent"))
                .withProgress(progress::add);
        String defaultName = NodeImage.reference("v1.35.4", KubernetesSource.parse("dir:/nonexistent"));

        NodeImageException error = catchThrowableOfType(NodeImageException.class, builder::ensure);

        assertThat(error).hasMessageStartingWith("cannot build " + defaultName + ": ");
        assertThat(LocalImages.exists(defaultName)).isFalse();
    }

    private NodeImageBuilder builder(String version) {
        return NodeImageBuilder.forVersion(version).withImage(image);
    }

    private NodeImageException buildFails(NodeImageBuilder builder) {
        long started = System.nanoTime();

        NodeImageException error = catchThrowableOfType(NodeImageException.class, builder.withProgress(progress::add)::ensure);

        assertThat(error).as("ensure() must fail").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(LocalImages.exists(image)).as("%s tagged after a failed build", image).isFalse();
        assertThat(progress).noneMatch(line -> line.contains("compiling") || line.contains("debootstrap"));
        assertThat(progress).allMatch(line -> line.matches(" *\\d+:\\d\\d \\[\\w+] .*") && !line.matches(".* \\(\\d+s\\)"));
        return error;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static boolean reachable(String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 443), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
