package dev.kindj.cli.shared;

import dev.kindj.api.KubeconfigFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared --kubeconfig option: else $KUBECONFIG's first entry, else ~/.kube/config, as kubectl reads it. */
public final class KubeconfigPath {

    @Option(names = "--kubeconfig", paramLabel = "PATH", description = "Kubeconfig file to update (default: $KUBECONFIG or ~/.kube/config).")
    private Path path;

    public Path resolve() {
        return path != null ? path : KubeconfigFiles.defaultPath();
    }

    /** Whether kubectl finds the file without being told: then the hints we print need no --kubeconfig. */
    public boolean isDefault() {
        return resolve().equals(KubeconfigFiles.defaultPath());
    }
}
