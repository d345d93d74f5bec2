package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeClusterHandle;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A test JVM stopped with SIGTERM (Ctrl-C, a CI timeout) still deletes its clusters. */
class InterruptedRunIT {

    private static final String NAME = "ju-interrupted";

    @AfterEach
    void deleteWhatIsLeft() {
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            provider.listClusters().stream().filter(name -> name.startsWith(NAME)).forEach(provider::deleteCluster);
        }
    }

    @Test
    void aTerminatedRunDeletesItsClusterOnTheWayOut() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildRun.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String cluster = awaitReady(child);

        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exits").isTrue();

        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            assertThat(provider.listClusters()).doesNotContain(cluster);
        }
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring("READY ".length());
            }
        }
        throw new IllegalStateException("the child run ended without opening its cluster; exit code " + child.waitFor());
    }

    /** The test run that is interrupted: it opens a cluster, says so, and waits to be stopped. */
    public static final class ChildRun {
        public static void main(String[] arguments) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(HangsInATest.class)).build());
        }
    }

    @KubeCluster(name = NAME)
    static class HangsInATest {
        @Test
        void waitsToBeStopped(KubeClusterHandle cluster) throws InterruptedException {
            System.out.println("READY " + cluster.name());
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        }
    }
}
