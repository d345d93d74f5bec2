package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeCluster;
import java.io.BufferedReader;
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
        Kindj kindj = Kindj.connect();
        kindj.clusters().stream().filter(name -> name.startsWith(NAME)).forEach(kindj::delete);
    }

    @Test
    void aTerminatedRunDeletesItsClusterOnTheWayOut() throws Exception {
        Process child = ChildJvm.start(ChildRun.class);
        String cluster = awaitReady(child);

        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exits").isTrue();

        assertThat(Kindj.connect().clusters()).doesNotContain(cluster);
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader output = ChildJvm.output(child);
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
        void waitsToBeStopped(KindjCluster cluster) throws InterruptedException {
            System.out.println("READY " + cluster.name());
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        }
    }
}
