package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryImageTest {

    @Test
    void theTagIsTheHashOfTheRegistryDirectoryAlone() {
        Map<String, byte[]> files = Map.of("build.sh", bytes("#!/usr/bin/env bash\n"),
                "registry/config.yml", bytes("version: 0.1\n"));
        String reference = RegistryImage.reference(Recipe.of(files));

        assertThat(reference).matches("kindj/registry:[0-9a-f]{12}");
        assertThat(RegistryImage.reference(Recipe.of(Map.of("build.sh", bytes("#!/bin/sh\n"),
                "registry/config.yml", bytes("version: 0.1\n"))))).isEqualTo(reference);
        assertThat(RegistryImage.reference(Recipe.of(Map.of("build.sh", bytes("#!/usr/bin/env bash\n"),
                "registry/config.yml", bytes("version: 0.1\nlog: {}\n"))))).isNotEqualTo(reference);
    }

    @Test
    void theClasspathRecipeBuildsDistributionFromItsGoModuleOnAnEmptyImage(@TempDir Path directory) throws Exception {
        Recipe.fromClasspath().extractTo(directory);

        assertThat(directory.resolve("registry/build.sh")).isExecutable();
        assertThat(Files.readString(directory.resolve("registry/build.sh")))
                .contains("DISTRIBUTION_MODULE=github.com/distribution/distribution/v3", "DISTRIBUTION_VERSION=v3.1.2");
        assertThat(Files.readString(directory.resolve("registry/Dockerfile"))).contains("FROM scratch");
        assertThat(Files.readString(directory.resolve("registry/config.yml"))).contains("addr: :5000");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
