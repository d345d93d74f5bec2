package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Helm install or upgrade to run, made by {@link HelmCharts}: set the namespace and values, then {@link #run()}
 * it, or {@link #awaitReady(Duration)} to run it and wait for what the chart rendered.
 */
public final class HelmRequest {

    enum Verb {
        INSTALL("install"), UPGRADE("upgrade"), UPGRADE_OR_INSTALL("upgrade --install");

        private final String command;

        Verb(String command) {
            this.command = command;
        }
    }

    /** A values file given by the caller, or YAML made from a map (written to a file only for the call). */
    private record Values(Path file, String yaml) {
    }

    private final KindjCluster cluster;
    private final Verb verb;
    private final String release;
    private final Path chart;
    private String namespace = HelmCharts.DEFAULT_NAMESPACE;
    private final List<Values> values = new ArrayList<>();

    HelmRequest(KindjCluster cluster, Verb verb, String release, Path chart) {
        this.cluster = cluster;
        this.verb = verb;
        this.release = Objects.requireNonNull(release, "release");
        this.chart = Objects.requireNonNull(chart, "chart");
    }

    /** The release's namespace, created by an install when missing. Default {@code default}. */
    public HelmRequest namespace(String releaseNamespace) {
        this.namespace = Objects.requireNonNull(releaseNamespace, "releaseNamespace");
        return this;
    }

    /**
     * Values as a map of strings, numbers, booleans, lists and nested maps, as a values file would hold them. Values
     * given later (maps and files alike) win over earlier ones, and all over the chart's {@code values.yaml}.
     *
     * @throws InvalidRequestException for a value of another type, naming its key path
     */
    public HelmRequest values(Map<String, ?> chartValues) {
        values.add(new Values(null, HelmValues.yaml(Objects.requireNonNull(chartValues, "chartValues"))));
        return this;
    }

    /** A values file ({@code helm -f}); see {@link #values(Map)} for which values win. */
    public HelmRequest valuesFile(Path file) {
        values.add(new Values(Objects.requireNonNull(file, "file"), null));
        return this;
    }

    /**
     * Runs Helm and returns once it has created or updated the release's objects, without waiting for them to be
     * ready (Helm's hooks, if the chart has any, are waited for by Helm itself).
     *
     * @throws InvalidRequestException when the chart or a values file is missing, before Helm runs
     * @throws KindjException with Helm's message and the chart's path when Helm fails, e.g. for a chart that does not
     *         render; whatever Helm left (a release marked failed) stays, as with the {@code helm} command
     */
    public HelmRelease run() {
        requireChart();
        values.stream().map(Values::file).filter(Objects::nonNull).forEach(HelmRequest::requireValuesFile);
        Path kubeconfig = cluster.kubeconfigPath();
        List<Path> written = new ArrayList<>();
        try {
            List<Path> files = new ArrayList<>();
            for (Values given : values) {
                if (given.file() != null) {
                    files.add(given.file());
                } else {
                    Path file = HelmValues.write(given.yaml());
                    written.add(file);
                    files.add(file);
                }
            }
            HelmLibrary.Deployed deployed = helm(files, kubeconfig);
            String manifest = HelmReleaseRecord.manifest(cluster.client(), namespace, release, deployed.revision());
            ManifestApplier locator = new ManifestApplier(cluster.client());
            List<AppliedObject> objects = HelmReleaseRecord.objects(manifest, release).stream()
                    .map(object -> locator.locate(object, namespace)).toList();
            return new HelmRelease(release, namespace, deployed.revision(), deployed.chart(),
                    new AppliedManifests(cluster.client(), objects));
        } finally {
            written.forEach(HelmRequest::deleteQuietly);
        }
    }

    /**
     * {@link #run()}, then {@link HelmRelease#awaitReady(Duration)}: kindj's readiness wait on the objects the chart
     * rendered (not Helm's {@code --wait}), so a timeout names each object that is not ready and why.
     */
    public HelmRelease awaitReady(Duration timeout) {
        return run().awaitReady(timeout);
    }

    private HelmLibrary.Deployed helm(List<Path> valuesFiles, Path kubeconfig) {
        try {
            return verb == Verb.INSTALL
                    ? HelmLibrary.install(release, chart, namespace, valuesFiles, kubeconfig)
                    : HelmLibrary.upgrade(release, chart, namespace, valuesFiles, kubeconfig, verb == Verb.UPGRADE_OR_INSTALL);
        } catch (IllegalStateException helmError) {
            throw new KindjException("helm " + verb.command + " of chart " + chart + " as release " + namespace + "/"
                    + release + " failed: " + helmError.getMessage().strip(), helmError);
        }
    }

    private void requireChart() {
        if (!Files.exists(chart)) {
            throw new InvalidRequestException("Helm chart " + chart + " does not exist (relative to "
                    + Path.of("").toAbsolutePath() + "); give a chart directory (with Chart.yaml) or a .tgz from helm package");
        }
        if (Files.isDirectory(chart) && !Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new InvalidRequestException("Helm chart " + chart + " is a directory without Chart.yaml: not a chart");
        }
    }

    private static void requireValuesFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("Helm values file " + file + " does not exist (relative to "
                    + Path.of("").toAbsolutePath() + ")");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a 0600 file in the temp folder; nothing else depends on it
        }
    }

    @Override
    public String toString() {
        return "helm " + verb.command + " " + release + " " + chart + " in " + namespace;
    }
}
