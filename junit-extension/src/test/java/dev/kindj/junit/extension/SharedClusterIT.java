package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjCluster;
import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;
import dev.kindj.junit.Kubeconfig;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Three classes with one sharing key, one of them through a meta-annotation and with a nested class, one
 * with a namespace per test and a test that fails on purpose: one cluster, every kind of injection, and a
 * failure report.
 */
class SharedClusterIT {

    static final String KEY = "ju-shared";

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @KubeCluster(name = KEY)
    @interface SharedTestCluster {
    }

    private static EngineExecutionResults results;
    private static List<String> clustersDockerCreated;

    @BeforeAll
    static void runThreeClassesSharingOneKey() throws Exception {
        WorkloadImage.ensure();
        try (ContainerCreations creations = ContainerCreations.watch(KEY)) {
            results = EngineRuns.run(InjectsEverywhere.class, UsesANamespacePerTest.class, HasNestedTests.class);
            clustersDockerCreated = creations.clusters();
        }
    }

    @Test
    void exactlyOneClusterIsCreatedAndTheOthersShareIt() {
        List<EngineRuns.ClusterEntry> entries = EngineRuns.clusterEntries(results);
        assertThat(entries).extracting(EngineRuns.ClusterEntry::origin).containsExactlyInAnyOrder("created", "shared", "shared");
        assertThat(entries).extracting(EngineRuns.ClusterEntry::cluster).containsOnly(entries.get(0).cluster())
                .allSatisfy(name -> assertThat(name).startsWith(KEY + "-"));
        assertThat(clustersDockerCreated).containsExactly(entries.get(0).cluster());
    }

    @Test
    void theClusterIsDeletedWhenTheRunEnds() {
        String cluster = EngineRuns.clusterEntries(results).get(0).cluster();
        assertThat(Kindj.connect().clusters()).doesNotContain(cluster);
    }

    @Test
    void everyTestButTheIntendedFailurePasses() {
        assertThat(results.containerEvents().failed().count()).as(EngineRuns.failures(results)).isZero();
        assertThat(results.testEvents().failed().list())
                .as(EngineRuns.failures(results))
                .extracting(event -> event.getTestDescriptor().getDisplayName())
                .containsExactly("failsAfterStartingAPod()");
        results.testEvents().assertStatistics(stats -> stats.succeeded(6));
    }

    @Test
    void aFailureNamesItsReportFolderWhichHoldsNodeAndPodLogs() throws Exception {
        Event failure = results.testEvents().failed().list().get(0);
        Throwable thrown = failure.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        Path report = Path.of("target/kindj-reports", UsesANamespacePerTest.class.getName(), "failsAfterStartingAPod");
        assertThat(thrown.getSuppressed()).singleElement()
                .satisfies(suppressed -> assertThat(suppressed.getMessage()).contains(report.toAbsolutePath().toString()));

        String cluster = EngineRuns.clusterEntries(results).get(0).cluster();
        assertThat(report.resolve(cluster + "-control-plane/kubelet.log")).isNotEmptyFile();
        assertThat(report.resolve(cluster + "-control-plane/kube-apiserver.log")).isNotEmptyFile();
        assertThat(report.resolve("events.txt")).content().contains("client");
        assertThat(report.resolve("nodes.txt")).content().contains(cluster + "-control-plane");
        assertThat(report.resolve("describe-pods.txt")).content().contains("Name:", "client", UsesANamespacePerTest.failedIn);
        assertThat(report.resolve("objects.txt")).content().contains("pod/client");
        try (var logs = Files.walk(report.resolve(cluster + "-control-plane/var/log/pods"))) {
            assertThat(logs.filter(file -> file.toString().contains(UsesANamespacePerTest.failedIn + "_client_")
                            && file.getFileName().toString().endsWith(".log")).toList())
                    .singleElement()
                    .satisfies(log -> assertThat(log).content().contains("retrying"));
        }
    }

    @SharedTestCluster
    static class InjectsEverywhere {

        static KubernetesClient staticClient;
        static KindjCluster staticCluster;
        KubernetesClient client;
        @Kubeconfig
        Path kubeconfigFile;
        private final String kubeconfigFromConstructor;

        InjectsEverywhere(@Kubeconfig String kubeconfig) {
            this.kubeconfigFromConstructor = kubeconfig;
        }

        @Test
        void fieldsAndConstructorParametersAreInjected() throws Exception {
            assertThat(staticClient.nodes().list().getItems()).extracting(node -> node.getMetadata().getName())
                    .containsExactly(staticCluster.name() + "-control-plane");
            assertThat(client.getNamespace()).isEqualTo("default");
            assertThat(kubeconfigFile).hasContent(kubeconfigFromConstructor);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfigFile))).isEqualTo("rw-------");
        }

        @Test
        void methodParametersAreInjected(KubernetesClient client, KindjCluster cluster, ApiClient official,
                @Kubeconfig Path kubeconfig) throws Exception {
            assertThat(new CoreV1Api(official).listNode().execute().getItems()).hasSize(1);
            assertThat(cluster.exec(cluster.name() + "-control-plane", "cat", "/etc/hostname").stdout().strip())
                    .isEqualTo(cluster.name() + "-control-plane");
            assertThat(kubeconfig).isEqualTo(kubeconfigFile);
            assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.");
        }
    }

    @SharedTestCluster
    @KubeNamespace
    static class UsesANamespacePerTest {

        static String failedIn;
        Namespace namespace;
        KubernetesClient client;

        @BeforeAll
        static void loadTheWorkload(KindjCluster cluster) {
            cluster.loadImages(WorkloadImage.NAME);
        }

        @Test
        void clientsAreScopedToTheTestsNamespace(KubernetesClient parameter) {
            assertThat(client.getNamespace()).isEqualTo(namespace.getMetadata().getName()).isEqualTo(parameter.getNamespace());
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata().build()).create();
            assertThat(client.configMaps().inNamespace(namespace.getMetadata().getName()).withName("settings").get()).isNotNull();
        }

        @Test
        void failsAfterStartingAPod() throws InterruptedException {
            failedIn = namespace.getMetadata().getName();
            // Port 9 of the pod's own loopback: nothing listens, so the client retries and logs why.
            client.pods().resource(new PodBuilder()
                    .withNewMetadata().withName("client").endMetadata()
                    .withNewSpec().withRestartPolicy("Never")
                    .addNewContainer().withName("client").withImage(WorkloadImage.NAME).withImagePullPolicy("Never")
                    .withArgs("get", "http://127.0.0.1:9", "60").endContainer()
                    .endSpec().build()).create();
            client.pods().withName("client").waitUntilCondition(pod -> pod != null && pod.getStatus() != null
                    && "Running".equals(pod.getStatus().getPhase()), 2, TimeUnit.MINUTES);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!client.pods().withName("client").getLog().contains("retrying") && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            fail("failing on purpose, to get a report");
        }
    }

    @SharedTestCluster
    static class HasNestedTests {

        static KindjCluster outerCluster;

        @Test
        void outerTestRuns(KindjCluster cluster) {
            assertThat(cluster).isSameAs(outerCluster);
        }

        @Nested
        class Inner {

            KindjCluster innerField;

            @Test
            void nestedClassesUseTheEnclosingCluster(KindjCluster cluster) {
                assertThat(cluster).isSameAs(outerCluster).isSameAs(innerField);
            }

            @Test
            @KubeNamespace
            void aNestedTestCanAskForANamespace(Namespace namespace, KubernetesClient client) {
                assertThat(client.getNamespace()).isEqualTo(namespace.getMetadata().getName());
            }
        }
    }
}
