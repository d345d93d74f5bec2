package dev.kindj.internal.provision.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeImagesTest {

    private static final String CONFIG = "sha256:08be6559ccb200ea0305f1b48bf1185df6c212497952ffbfa2188c163f6ee0a9";
    private static final String MANIFEST = "sha256:d2e25e7727260eb198698b4a17065397b59235efc7cef49b4c0d3a53ff6ee082";
    /** As containerd 2.1 prints it: the CRI plugin adds a name per image ID. */
    private static final String LISTING = """
            REF                          TYPE                                                 DIGEST  SIZE     PLATFORMS   LABELS
            docker.io/kindj-test/app:1   application/vnd.docker.distribution.manifest.v2+json %s 6.0 MiB  linux/amd64 io.cri-containerd.image=managed
            %s application/vnd.docker.distribution.manifest.v2+json %s 6.0 MiB  linux/amd64 io.cri-containerd.image=managed
            """.formatted(MANIFEST, CONFIG, MANIFEST);

    private final NodeImages images = NodeImages.parse(LISTING);

    @Test
    void findsAnImageByItsClassicDockerIdUnderItsName() {
        LocalImage app = new LocalImage(ImageName.parse("kindj-test/app:1"), CONFIG);
        assertThat(images.has(app)).isTrue();
        assertThat(images.anyNameOf(app)).isPresent();
        assertThat(images.namesAnotherImage(app)).isFalse();
    }

    @Test
    void findsTheSameImageUnderAnotherNameToTagIt() {
        LocalImage renamed = new LocalImage(ImageName.parse("kindj-test/app:renamed"), CONFIG);
        assertThat(images.has(renamed)).isFalse();
        assertThat(images.anyNameOf(renamed)).hasValue("docker.io/kindj-test/app:1");
        assertThat(images.namesAnotherImage(renamed)).isFalse();
    }

    @Test
    void matchesTheManifestDigestThatDockersContainerdStoreUsesAsId() {
        assertThat(images.has(new LocalImage(ImageName.parse("kindj-test/app:1"), MANIFEST))).isTrue();
    }

    @Test
    void aDifferentImageUnderTheSameNameIsNotThereAndItsNameIsTaken() {
        LocalImage rebuilt = new LocalImage(ImageName.parse("kindj-test/app:1"), "sha256:" + "0".repeat(64));
        assertThat(images.has(rebuilt)).isFalse();
        assertThat(images.anyNameOf(rebuilt)).isEmpty();
        assertThat(images.namesAnotherImage(rebuilt)).isTrue();
    }
}
