package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.nio.file.Path;

/** The workload image the cluster tests run (scripts/test-app), built here without a registry. */
final class TestApp {

    static final String IMAGE = "kindj-test/app:1";

    private TestApp() {
    }

    /** Builds the image when it is missing or older than its sources. */
    static void build() throws IOException, InterruptedException {
        Process build = new ProcessBuilder(Path.of("..", "scripts", "build-test-images.sh").toString(), "app")
                .inheritIO().start();
        assertThat(build.waitFor()).as("building " + IMAGE).isZero();
    }

    /** One pod labelled app=NAME answering every HTTP request (and UDP datagram) on port 8080 with the message. */
    static Deployment serving(String name, String message) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage(IMAGE).withImagePullPolicy("Never")
                .withArgs("serve", "8080", message).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
