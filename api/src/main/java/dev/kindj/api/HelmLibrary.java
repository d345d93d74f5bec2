package dev.kindj.api;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import dev.kindj.KindjException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one class that calls helm-java (Helm as a native library). Kept apart so that the rest of the API loads without
 * helm-java on the classpath; {@link HelmCharts} checks it is there before anything here runs. Helm's own errors come
 * out as {@link IllegalStateException} with Helm's message.
 */
final class HelmLibrary {

    /** What Helm recorded for a release it installed or upgraded. */
    record Deployed(int revision, String chart) {
    }

    private HelmLibrary() {
    }

    /** {@code helm install}, creating the namespace when missing. */
    static Deployed install(String release, Path chart, String namespace, List<Path> valuesFiles, Path kubeconfig) {
        return loaded(() -> {
            InstallCommand install = Helm.install(chart.toString()).withName(release).withNamespace(namespace)
                    .createNamespace().withKubeConfig(kubeconfig);
            valuesFiles.forEach(install::withValuesFile);
            return deployed(install.call());
        });
    }

    /** {@code helm upgrade}, with {@code --install --create-namespace} when {@code orInstall}. */
    static Deployed upgrade(String release, Path chart, String namespace, List<Path> valuesFiles, Path kubeconfig,
            boolean orInstall) {
        return loaded(() -> {
            UpgradeCommand upgrade = Helm.upgrade(chart.toString()).withName(release).withNamespace(namespace)
                    .withKubeConfig(kubeconfig);
            if (orInstall) {
                upgrade.install().createNamespace();
            }
            valuesFiles.forEach(upgrade::withValuesFile);
            return deployed(upgrade.call());
        });
    }

    /** {@code helm uninstall}: deletes the release's objects (not waiting for them to be gone) and its history. */
    static void uninstall(String release, String namespace, Path kubeconfig) {
        loaded(() -> Helm.uninstall(release).withNamespace(namespace).withKubeConfig(kubeconfig).call());
    }

    /** Runs a call, reporting a native library that does not load (on the first call) as kindj's error. */
    private static <T> T loaded(Supplier<T> call) {
        try {
            return call.get();
        } catch (LinkageError e) {
            throw new KindjException("Helm's native library (helm-java) does not load on this machine: " + e, e);
        }
    }

    private static Deployed deployed(Release release) {
        return new Deployed(Integer.parseInt(release.getRevision()), release.getChart());
    }
}
