package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeTest {

    private static final Map<String, byte[]> FILES = Map.of(
            "build.sh", bytes("#!/usr/bin/env bash\necho build\n"),
            "base/Dockerfile", bytes("FROM scratch\n"),
            "node/files/usr/local/bin/kindj-run", bytes("#!/bin/sh\nexec \"$@\"\n"));

    @Test
    void theSameFilesGiveTheSameHashWhateverTheirOrder() {
        Map<String, byte[]> reversed = new LinkedHashMap<>();
        FILES.keySet().stream().sorted(Comparator.reverseOrder()).forEach(path -> reversed.put(path, FILES.get(path)));

        String hash = Recipe.of(FILES).hash("v1.35.4", KubernetesSource.MODULES);

        assertThat(hash).matches("[0-9a-f]{12}");
        assertThat(Recipe.of(reversed).hash("v1.35.4", KubernetesSource.MODULES)).isEqualTo(hash);
        assertThat(Recipe.of(FILES).hash("v1.35.4", KubernetesSource.MODULES)).isEqualTo(hash);
    }

    @Test
    void anyChangeToTheFilesChangesTheHash() {
        String hash = Recipe.of(FILES).hash("v1.35.4", KubernetesSource.MODULES);

        assertThat(Recipe.of(with("base/Dockerfile", "FROM scratch \n")).hash("v1.35.4", KubernetesSource.MODULES))
                .isNotEqualTo(hash);
        assertThat(Recipe.of(with("pause/pause.c", "")).hash("v1.35.4", KubernetesSource.MODULES))
                .isNotEqualTo(hash);
        Map<String, byte[]> renamed = new LinkedHashMap<>(FILES);
        renamed.put("base/Dockerfile.old", renamed.remove("base/Dockerfile"));
        assertThat(Recipe.of(renamed).hash("v1.35.4", KubernetesSource.MODULES)).isNotEqualTo(hash);
    }

    @Test
    void bytesMovedBetweenAPathAndItsContentChangeTheHash() {
        String hash = Recipe.of(Map.of("ab", bytes("c"))).hash("v1.35.4", KubernetesSource.MODULES);

        assertThat(Recipe.of(Map.of("a", bytes("bc"))).hash("v1.35.4", KubernetesSource.MODULES)).isNotEqualTo(hash);
    }

    @Test
    void theVersionAndTheSourceAreHashedToo() {
        Recipe recipe = Recipe.of(FILES);
        String hash = recipe.hash("v1.35.4", KubernetesSource.MODULES);

        assertThat(recipe.hash("v1.35.3", KubernetesSource.MODULES)).isNotEqualTo(hash);
        assertThat(recipe.hash("v1.35.4", KubernetesSource.RELEASE)).isNotEqualTo(hash);
        assertThat(recipe.hash("v1.35.4", KubernetesSource.directory(Path.of("/opt/k8s")))).isNotEqualTo(hash);
    }

    @Test
    void extractionMakesTheScriptsExecutableAndNothingElse(@TempDir Path directory) throws Exception {
        Recipe.of(FILES).extractTo(directory);

        assertThat(directory.resolve("build.sh")).isExecutable().hasContent("#!/usr/bin/env bash\necho build");
        assertThat(directory.resolve("node/files/usr/local/bin/kindj-run")).isExecutable();
        assertThat(Files.isExecutable(directory.resolve("base/Dockerfile"))).isFalse();
    }

    @Test
    void theClasspathRecipeExtractsWithAnExecutableBuildScript(@TempDir Path directory) throws Exception {
        Recipe.fromClasspath().extractTo(directory);

        assertThat(directory.resolve("build.sh")).isExecutable();
        assertThat(directory.resolve("build-kubernetes.sh")).isExecutable();
        assertThat(directory.resolve("node/files/usr/local/bin/kindj-entrypoint")).isExecutable();
        assertThat(directory.resolve("node/Dockerfile")).isRegularFile();
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
