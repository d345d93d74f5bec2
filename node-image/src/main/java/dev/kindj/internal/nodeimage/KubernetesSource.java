package dev.kindj.internal.nodeimage;

import java.nio.file.Path;

/** Where the recipe takes the Kubernetes binaries from, in the form build.sh's --source takes. */
public final class KubernetesSource {

    /** Compiled from k8s.io/kubernetes on the Go module proxy. */
    public static final KubernetesSource MODULES = new KubernetesSource("modules");
    /** The official release binaries from dl.k8s.io, checked against their sha256. */
    public static final KubernetesSource RELEASE = new KubernetesSource("release");

    private static final String DIRECTORY_PREFIX = "dir:";

    private final String argument;

    private KubernetesSource(String argument) {
        this.argument = argument;
    }

    /** The six binaries (kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy, kubectl) in a directory. */
    public static KubernetesSource directory(Path binaries) {
        // Absolute, so the same directory gives the same image tag from any working directory.
        return new KubernetesSource(DIRECTORY_PREFIX + binaries.toAbsolutePath().normalize());
    }

    /** Reads {@code modules}, {@code release} or {@code dir:PATH}. */
    public static KubernetesSource parse(String text) {
        if (MODULES.argument.equals(text)) {
            return MODULES;
        }
        if (RELEASE.argument.equals(text)) {
            return RELEASE;
        }
        if (text.startsWith(DIRECTORY_PREFIX) && text.length() > DIRECTORY_PREFIX.length()) {
            return directory(Path.of(text.substring(DIRECTORY_PREFIX.length())));
        }
        throw new NodeImageException(NodeImageException.Kind.BAD_INPUT, "unknown Kubernetes source '" + text
                + "': use modules (compile from the Go module proxy), release (download from dl.k8s.io)"
                + " or dir:PATH (a directory with the six Kubernetes binaries)");
    }

    /** The value for build.sh's --source. */
    public String argument() {
        return argument;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KubernetesSource source && source.argument.equals(argument);
    }

    @Override
    public int hashCode() {
        return argument.hashCode();
    }

    @Override
    public String toString() {
        return argument;
    }
}
