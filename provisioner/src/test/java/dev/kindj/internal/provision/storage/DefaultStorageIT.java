package dev.kindj.internal.provision.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.TestImages;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.images.ImageLoader;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default StorageClass of a real 1+1 cluster: a claim is bound where its pod runs, and its data stays. */
class DefaultStorageIT {

    private static TestCluster cluster;

    @BeforeAll
    static void createCluster() throws Exception {
        TestImages.busybox();
        cluster = TestCluster.create("storage", 1, 1);
        new ImageLoader(cluster.provider()).load(TestImages.BUSYBOX, List.of(cluster.worker(1)));
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void standardIsTheDefaultAndBindsOnFirstUse() {
        StorageClass standard = cluster.client().storage().v1().storageClasses().withName("standard").get();
        assertThat(standard).as("StorageClass standard").isNotNull();
        assertThat(standard.getMetadata().getAnnotations()).containsEntry("storageclass.kubernetes.io/is-default-class", "true");
        assertThat(standard.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
        assertThat(standard.getReclaimPolicy()).isEqualTo("Delete");
    }

    @Test
    void aPodWritesAndAnotherPodOnTheSameNodeReadsThenTheVolumeGoesWithTheClaim() {
        cluster.client().persistentVolumeClaims().inNamespace("default").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("16Mi")).endResources().endSpec().build())
                .create();
        assertThat(claim().getStatus().getPhase()).as("before any pod uses it").isEqualTo("Pending");

        runToCompletion("writer", "echo kept-by-kindj > /data/file");
        assertThat(claim().getStatus().getPhase()).isEqualTo("Bound");
        assertThat(runToCompletion("reader", "cat /data/file")).contains("kept-by-kindj");

        String volume = claim().getSpec().getVolumeName();
        cluster.client().pods().inNamespace("default").withName("writer").delete();
        cluster.client().pods().inNamespace("default").withName("reader").delete();
        cluster.client().persistentVolumeClaims().inNamespace("default").withName("data").delete();
        Waits.until("volume " + volume + " to be deleted with its claim", Duration.ofSeconds(90),
                () -> cluster.client().persistentVolumes().withName(volume).get() == null
                        && cluster.provider().exec(cluster.worker(1), "sh", "-c",
                                "ls /var/local-path-provisioner | grep -q " + volume).exitCode() != 0,
                cluster::describe);
    }

    private static PersistentVolumeClaim claim() {
        return cluster.client().persistentVolumeClaims().inNamespace("default").withName("data").get();
    }

    /** Runs a shell command in a pod on the worker with the claim mounted at /data; returns its log. */
    private static String runToCompletion(String name, String script) {
        cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withNodeSelector(Map.of("kubernetes.io/hostname", cluster.worker(1)))
                .addNewContainer().withName(name).withImage(TestImages.BUSYBOX).withImagePullPolicy("Never")
                .withCommand("sh", "-c", script)
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount().endContainer()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data").endPersistentVolumeClaim()
                .endVolume().endSpec().build()).create();
        Waits.until("pod " + name + " to finish", Duration.ofSeconds(120), () -> {
            Pod pod = cluster.client().pods().inNamespace("default").withName(name).get();
            return pod != null && List.of("Succeeded", "Failed").contains(pod.getStatus().getPhase());
        }, cluster::describe);
        String log = cluster.client().pods().inNamespace("default").withName(name).getLog();
        assertThat(cluster.client().pods().inNamespace("default").withName(name).get().getStatus().getPhase())
                .as("pod %s, log: %s", name, log).isEqualTo("Succeeded");
        return log;
    }
}
