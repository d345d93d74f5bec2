package dev.kindj.internal.provision.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageNameTest {

    @Test
    void qualifiesNamesAsContainerdStoresThem() {
        assertThat(ImageName.parse("busybox")).isEqualTo(new ImageName("busybox:latest", "docker.io/library/busybox:latest"));
        assertThat(ImageName.parse("kindj-test/app:1")).isEqualTo(new ImageName("kindj-test/app:1", "docker.io/kindj-test/app:1"));
        assertThat(ImageName.parse("localhost:5000/app")).isEqualTo(
                new ImageName("localhost:5000/app:latest", "localhost:5000/app:latest"));
        assertThat(ImageName.parse("registry.example/team/app:2").containerdRef()).isEqualTo("registry.example/team/app:2");
        assertThat(ImageName.parse("docker.io/library/busybox:1").familiar()).isEqualTo("busybox:1");
    }

    @Test
    void splitsRepositoryAndTagForDockersSaveApi() {
        ImageName name = ImageName.parse("localhost:5000/team/app:2");
        assertThat(name.repository()).isEqualTo("localhost:5000/team/app");
        assertThat(name.tag()).isEqualTo("2");
    }

    @Test
    void refusesDigestsAndBlankNames() {
        assertThatThrownBy(() -> ImageName.parse("app@sha256:abc")).hasMessageContaining("NAME[:TAG]");
        assertThatThrownBy(() -> ImageName.parse(" ")).hasMessageContaining("NAME[:TAG]");
    }
}
