package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Manifests applied to one real cluster: workloads that become ready, CRDs, and what a user is told when not. */
class ManifestsIT {

    private static final String NAME = "tc-manifests-" + UUID.randomUUID().toString().substring(0, 6);
    private static KindjCluster cluster;

    @BeforeAll
    static void create() throws Exception {
        Process build = new ProcessBuilder(Path.of("..", "scripts", "build-test-images.sh").toString()).inheritIO().start();
        assertThat(build.waitFor()).as("building the test images").isZero();
        cluster = Kindj.connect().cluster(NAME).create();
        cluster.loadImages("kindj-test/app:1", "kindj-test/busybox:1");
    }

    @AfterAll
    static void delete() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void workloadsFromAResourceBecomeReady() {
        AppliedManifests applied = cluster.applyResource("k8s/app.yaml").awaitReady(Duration.ofMinutes(2));

        assertThat(applied.objects()).containsExactly("Namespace shop (classpath:k8s/app.yaml:1)",
                "Deployment shop/web (classpath:k8s/app.yaml:6)", "Job shop/migrate (classpath:k8s/app.yaml:28)");
        KubernetesClient client = cluster.client();
        assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(client.batch().v1().jobs().inNamespace("shop").withName("migrate").get().getStatus().getSucceeded()).isEqualTo(1);
        // applying again is server-side apply of the same fields: nothing changes, nothing fails
        cluster.applyResource("k8s/app.yaml").awaitReady(Duration.ofSeconds(30));
    }

    @Test
    void aCustomResourceWaitsForTheDefinitionAppliedBeforeIt() throws Exception {
        URL manifest = getClass().getClassLoader().getResource("k8s/crd-and-instance.yaml");

        cluster.apply(manifest).awaitReady(Duration.ofMinutes(1));

        GenericKubernetesResource widget = cluster.client().genericKubernetesResources("example.kindj.dev/v1", "Widget")
                .inNamespace("default").withName("small").get();
        assertThat(widget.<Integer>get("spec", "size")).isEqualTo(1);
    }

    @Test
    void anUnknownKindSaysTheDefinitionIsMissing() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: before-the-gadget
                ---
                apiVersion: gadgets.example.com/v1beta1
                kind: Gadget
                metadata:
                  name: g
                """;

        assertThatThrownBy(() -> cluster.apply(Manifests.fromYaml(yaml, "gadget.yaml")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("gadget.yaml:6: the cluster serves no kind Gadget in apiVersion gadgets.example.com/v1beta1:"
                        + " the CustomResourceDefinition that defines it is missing (or the apiVersion is misspelt);"
                        + " apply the CRD first, in an earlier document or manifest");
        assertThat(cluster.client().configMaps().withName("before-the-gadget").get()).as("objects before it stay").isNotNull();
    }

    @Test
    void anObjectTheServerRejectsNamesItsLine() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndata:\n  a: b\nspecc:\n  x: 1\n";

        assertThatThrownBy(() -> cluster.apply(yaml))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("<yaml>:1: applying ConfigMap default/typo failed:")
                .hasMessageContaining("specc");
    }

    @Test
    void aTimeoutSaysWhichObjectIsNotReadyAndWhy() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: stuck
                spec:
                  selector:
                    matchLabels: {app: stuck}
                  template:
                    metadata:
                      labels: {app: stuck}
                    spec:
                      containers:
                        - name: app
                          image: kindj-test/not-loaded:1
                          imagePullPolicy: Never
                """;
        AppliedManifests applied = cluster.apply(yaml);

        assertThatThrownBy(() -> applied.awaitReady(Duration.ofSeconds(15)))
                .isInstanceOf(KindjException.class)
                .hasMessageContaining("1 of 1 applied objects not ready after 15 s")
                .hasMessageContaining("Deployment default/stuck (<yaml>:1) is not ready: 0 of 1 replicas available")
                .hasMessageContaining("conditions: Available=False MinimumReplicasUnavailable")
                .hasMessageContaining("ErrImageNeverPull")
                .hasMessageContaining("event Warning ErrImageNeverPull");
    }

    @Test
    void aFailedJobFailsAtOnce() {
        String yaml = """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: broken
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: broken
                          image: kindj-test/busybox:1
                          imagePullPolicy: Never
                          command: [sh, -c, "exit 3"]
                """;
        AppliedManifests applied = cluster.apply(yaml);
        long start = System.nanoTime();

        assertThatThrownBy(() -> applied.awaitReady(Duration.ofMinutes(3)))
                .isInstanceOf(KindjException.class)
                .hasMessageContaining("Job default/broken (<yaml>:1) failed")
                .hasMessageContaining("BackoffLimitExceeded")
                .hasMessageContaining("terminated: Error exit 3");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(2));
    }
}
