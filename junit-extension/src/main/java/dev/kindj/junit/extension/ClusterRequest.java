package dev.kindj.junit.extension;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.ClusterFlavor;
import dev.kindj.api.Manifests;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ClusterConfigLoader;
import dev.kindj.config.ConfigException;
import dev.kindj.junit.KubeCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a {@link KubeCluster} annotation asks for, checked before anything is started.
 *
 * @param key         classes with equal keys share one cluster
 * @param baseName    the cluster's name, before the run suffix that non-reused clusters get
 * @param fingerprint equal for annotations that describe the same cluster, whatever their key
 */
record ClusterRequest(String key, String baseName, ClusterFlavor flavor, ClusterConfig config, String fingerprint, String image,
                      String kubernetesVersion, boolean reuse, Duration waitTimeout, List<String> images,
                      List<Manifests> manifests, Class<?> declaredOn) {

    /** What non-reused cluster names end with: {@code -} and the run's id. */
    static final int RUN_SUFFIX_LENGTH = 1 + TestRun.ID_LENGTH;
    private static final int MAX_DERIVED_NAME_LENGTH = 24;

    static ClusterRequest of(KubeCluster annotation, Class<?> testClass) {
        String where = "@KubeCluster on " + testClass.getName();
        if (!annotation.image().isEmpty() && !annotation.kubernetesVersion().isEmpty()) {
            throw new ExtensionConfigurationException(where + ": set image or kubernetesVersion, not both");
        }
        boolean countsGiven = annotation.controlPlanes() != 1 || annotation.workers() != 0;
        if (!annotation.config().isEmpty() && countsGiven) {
            throw new ExtensionConfigurationException(where + ": set config or controlPlanes/workers, not both");
        }
        if (annotation.flavor() == ClusterFlavor.API_ONLY && (countsGiven || annotation.images().length > 0)) {
            throw new ExtensionConfigurationException(where + ": an API_ONLY cluster has no nodes: it takes no workers,"
                    + " no more control planes and no images; use flavor FULL for those");
        }
        String baseName = annotation.name().isEmpty() ? derivedName(testClass) : annotation.name();
        String nodes = annotation.config().isEmpty()
                ? "controlPlanes=" + annotation.controlPlanes() + ",workers=" + annotation.workers()
                : readConfig(annotation.config(), testClass, where);
        ClusterConfig config = parse(annotation, nodes, baseName, where);
        Duration wait;
        try {
            wait = Durations.parse(annotation.waitTimeout());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": waitTimeout " + e.getMessage(), e);
        }
        List<Manifests> manifests = readManifests(annotation.manifests(), testClass, where);
        String fingerprint = Hashes.sha256("flavor:" + annotation.flavor() + "|nodes:" + nodes + "|image:" + annotation.image()
                + "|version:" + annotation.kubernetesVersion() + "|reuse:" + annotation.reuse()
                + "|images:" + String.join(",", annotation.images()) + "|manifests:" + String.join(",", annotation.manifests()));
        String key = annotation.name().isEmpty() ? "class:" + testClass.getName() : annotation.name();
        return new ClusterRequest(key, baseName, annotation.flavor(), config, fingerprint, annotation.image(),
                annotation.kubernetesVersion(), annotation.reuse(), wait, List.of(annotation.images()), manifests, testClass);
    }

    /** The name the cluster gets in a run with the given id. */
    String clusterName(String runId) {
        return reuse ? baseName : baseName + "-" + runId;
    }

    String describe() {
        if (flavor == ClusterFlavor.API_ONLY) {
            return "api-only";
        }
        int controlPlanes = config.controlPlanes().size();
        int workers = config.workers().size();
        return controlPlanes + " control plane" + (controlPlanes == 1 ? "" : "s") + ", "
                + workers + " worker" + (workers == 1 ? "" : "s");
    }

    private static ClusterConfig parse(KubeCluster annotation, String nodes, String baseName, String where) {
        try {
            ClusterConfig config = annotation.config().isEmpty()
                    ? ClusterConfig.builder().withControlPlanes(annotation.controlPlanes()).withWorkers(annotation.workers()).build()
                    : ClusterConfigLoader.parse(nodes, annotation.config());
            // Checked with the longest name the run may give it, so a bad name fails before anything starts.
            config.withName(annotation.reuse() ? baseName : baseName + "-" + "0".repeat(TestRun.ID_LENGTH));
            return config.withName(baseName);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    /** A short, valid cluster name from the class's simple name: {@code ju-<class>}. */
    private static String derivedName(Class<?> testClass) {
        String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String name = ("ju-" + simple).replaceAll("-+$", "");
        return name.length() <= MAX_DERIVED_NAME_LENGTH ? name : name.substring(0, MAX_DERIVED_NAME_LENGTH).replaceAll("-+$", "");
    }

    /** Read (and so checked) before any cluster starts: a manifest that does not parse fails the class at once. */
    private static List<Manifests> readManifests(String[] locations, Class<?> testClass, String where) {
        try {
            return Arrays.stream(locations).map(location -> Manifests.fromResourceOrPath(location, testClass.getClassLoader()))
                    .toList();
        } catch (InvalidRequestException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    private static String readConfig(String location, Class<?> testClass, String where) {
        URL resource = testClass.getClassLoader().getResource(location.startsWith("/") ? location.substring(1) : location);
        try {
            if (resource != null) {
                try (InputStream in = resource.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": cannot read config " + location, e);
        }
        throw new ExtensionConfigurationException(where + ": config '" + location + "' is neither on the classpath nor a file"
                + " (relative to " + Path.of("").toAbsolutePath() + ")");
    }
}
