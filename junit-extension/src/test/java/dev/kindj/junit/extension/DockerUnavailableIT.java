package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.junit.KubeCluster;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Without a Docker engine a class fails and says why, or is skipped when it asked for that. */
class DockerUnavailableIT {

    @Test
    void aClassFailsSayingWhyOrIsSkippedWhenItAskedToBe() {
        EngineExecutionResults results = withoutDocker();

        Event failed = results.containerEvents().failed().list().stream().findFirst().orElseThrow();
        assertThat(failed.getTestDescriptor().getDisplayName()).endsWith(NeedsDocker.class.getSimpleName());
        assertThat(failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageContaining("@KubeCluster on " + NeedsDocker.class.getName() + " needs a Docker engine")
                .hasMessageContaining("Docker is not running")
                .hasMessageContaining("skipWhenDockerUnavailable = true");
        assertThat(results.containerEvents().skipped().list()).singleElement().satisfies(skipped -> {
            assertThat(skipped.getTestDescriptor().getDisplayName()).endsWith(SkipsWithoutDocker.class.getSimpleName());
            assertThat(skipped.getRequiredPayload(String.class)).contains("Docker is not running");
        });
    }

    /** docker-java reads DOCKER_HOST from system properties before the environment. */
    private static EngineExecutionResults withoutDocker() {
        String before = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        try {
            return EngineRuns.run(NeedsDocker.class, SkipsWithoutDocker.class);
        } finally {
            if (before == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", before);
            }
        }
    }

    @KubeCluster(name = "ju-nodocker")
    static class NeedsDocker {
        @Test
        void neverRuns() {
        }
    }

    @KubeCluster(name = "ju-nodocker-skip", skipWhenDockerUnavailable = true)
    static class SkipsWithoutDocker {
        @Test
        void neverRuns() {
        }
    }
}
