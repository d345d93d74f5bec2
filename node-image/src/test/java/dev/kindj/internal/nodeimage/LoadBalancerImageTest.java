package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadBalancerImageTest {

    private static final Map<String, byte[]> FILES = Map.of(
            "build.sh", bytes("#!/usr/bin/env bash\n"),
            "node/Dockerfile", bytes("FROM base\n"),
            "load-balancer/Dockerfile", bytes("FROM scratch\n"),
            "load-balancer/haproxy.cfg", bytes("global\n"));

    @Test
    void theTagIsTheHashOfTheLoadBalancerDirectoryAlone() {
        String reference = LoadBalancerImage.reference(Recipe.of(FILES));

        assertThat(reference).matches("kindj/haproxy:[0-9a-f]{12}");
        assertThat(LoadBalancerImage.reference(Recipe.of(with("node/Dockerfile", "FROM other\n")))).isEqualTo(reference);
        assertThat(LoadBalancerImage.reference(Recipe.of(with("load-balancer-notes.txt", "")))).isEqualTo(reference);
        assertThat(LoadBalancerImage.reference(Recipe.of(with("load-balancer/haproxy.cfg", "defaults\n"))))
                .isNotEqualTo(reference);
    }

    @Test
    void theClasspathRecipeHasTheLoadBalancerDirectoryWithAnExecutableBuildScript(@TempDir Path directory) throws Exception {
        assertThat(LoadBalancerImage.reference()).matches("kindj/haproxy:[0-9a-f]{12}");

        Recipe.fromClasspath().extractTo(directory);

        assertThat(directory.resolve("load-balancer/build.sh")).isExecutable();
        assertThat(directory.resolve("load-balancer/Dockerfile")).isRegularFile();
    }

    @Test
    void aRecipeWithoutTheDirectoryIsAnError() {
        assertThatThrownBy(() -> LoadBalancerImage.reference(Recipe.of(Map.of("build.sh", bytes("")))))
                .hasMessage("the node image recipe has no directory load-balancer");
    }

    private static Map<String, byte[]> with(String path, String content) {
        Map<String, byte[]> files = new LinkedHashMap<>(FILES);
        files.put(path, bytes(content));
        return files;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
