package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * Helm charts on one cluster, from a local chart directory or {@code .tgz}: made by {@link KindjCluster#helm()}.
 * Helm talks to the cluster through the cluster's own kubeconfig file ({@link KindjCluster#kubeconfigPath()}, mode
 * 0600, deleted by {@link KindjCluster#close()}); the user's {@code ~/.kube/config} and {@code $KUBECONFIG} play no
 * part.
 *
 * <pre>{@code
 * HelmRelease web = cluster.helm().install("web", Path.of("charts/web"))
 *         .namespace("shop")
 *         .values(Map.of("replicas", 2))
 *         .awaitReady(Duration.ofMinutes(2));
 * cluster.helm().upgrade("web", Path.of("charts/web")).namespace("shop").values(Map.of("replicas", 3)).run();
 * cluster.helm().uninstall("web", "shop");
 * }</pre>
 *
 * <p>Needs {@code com.marcnuri.helm-java:helm-java} (Helm as a native library) and
 * {@code io.fabric8:kubernetes-client} on the classpath; both are optional dependencies of {@code kindj-api}.
 */
public final class HelmCharts {

    static final String DEFAULT_NAMESPACE = "default";

    private final KindjCluster cluster;

    HelmCharts(KindjCluster cluster) {
        this.cluster = cluster;
        requireHelmJava();
    }

    /** {@code helm install}: a new release of the chart; its namespace is created when missing. */
    public HelmRequest install(String release, Path chart) {
        return new HelmRequest(cluster, HelmRequest.Verb.INSTALL, release, chart);
    }

    /** {@code helm upgrade}: a new revision of a release that exists, with this chart and these values. */
    public HelmRequest upgrade(String release, Path chart) {
        return new HelmRequest(cluster, HelmRequest.Verb.UPGRADE, release, chart);
    }

    /**
     * {@code helm upgrade --install}: upgrades the release, or installs it when there is none of that name (what a
     * set-up that may run again against a kept cluster wants).
     */
    public HelmRequest upgradeOrInstall(String release, Path chart) {
        return new HelmRequest(cluster, HelmRequest.Verb.UPGRADE_OR_INSTALL, release, chart);
    }

    /** {@code helm uninstall} of a release in namespace {@code default}; see {@link #uninstall(String, String)}. */
    public void uninstall(String release) {
        uninstall(release, DEFAULT_NAMESPACE);
    }

    /**
     * {@code helm uninstall}: deletes the release's objects and its history. Deleted objects are gone from the API at
     * once; their pods terminate in the background, as with Helm.
     *
     * @throws KindjException with Helm's message, e.g. when there is no such release in that namespace
     */
    public void uninstall(String release, String namespace) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(namespace, "namespace");
        try {
            HelmLibrary.uninstall(release, namespace, cluster.kubeconfigPath());
        } catch (IllegalStateException helmError) {
            throw new KindjException("helm uninstall of release " + namespace + "/" + release + " failed: "
                    + helmError.getMessage().strip(), helmError);
        }
    }

    /** helm-java is an optional dependency: say what to add instead of a NoClassDefFoundError deep in a call. */
    private static void requireHelmJava() {
        try {
            Class.forName("com.marcnuri.helm.Helm", false, HelmCharts.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new InvalidRequestException("Helm charts need helm-java on the classpath: add the dependency"
                    + " com.marcnuri.helm-java:helm-java:" + testedHelmJavaVersion() + " (the version kindj is tested"
                    + " with); it brings Helm as a native library for this OS and CPU");
        }
    }

    /** From the build (the parent pom), so that the version is written in one place. */
    private static String testedHelmJavaVersion() {
        Properties built = new Properties();
        try (InputStream in = HelmCharts.class.getResourceAsStream("helm-java.properties")) {
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return built.getProperty("version");
    }
}
