package dev.kindj.cli;

import java.io.File;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared --kubeconfig option: else $KUBECONFIG's first entry, else ~/.kube/config, as kubectl reads it. */
public final class KubeconfigPath {

    @Option(names = "--kubeconfig", paramLabel = "PATH", description = "Kubeconfig file to update (default: $KUBECONFIG or ~/.kube/config).")
    private Path path;

    public Path resolve() {
        return path != null ? path : defaultPath();
    }

    public static Path defaultPath() {
        String fromEnvironment = System.getenv("KUBECONFIG");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.split(File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }
}
