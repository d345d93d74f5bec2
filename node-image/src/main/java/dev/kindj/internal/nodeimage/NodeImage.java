package dev.kindj.internal.nodeimage;

import java.util.regex.Pattern;

/** Names of kindj node images: {@code kindj/node:<version>-<recipe hash>}, so an unchanged recipe maps to the same tag. */
public final class NodeImage {

    /** The newest 1.35 patch: 1.35 is the newest minor whose kubelet still runs on cgroup v1 hosts. */
    public static final String DEFAULT_KUBERNETES_VERSION = "v1.35.4";
    public static final String REPOSITORY = "kindj/node";

    private static final Pattern RELEASE_VERSION = Pattern.compile("v1\\.\\d+\\.\\d+");

    private NodeImage() {
    }

    /** The image the current recipe builds for {@code kubernetesVersion} from {@code source}. */
    public static String reference(String kubernetesVersion, KubernetesSource source) {
        return reference(Recipe.fromClasspath(), kubernetesVersion, source);
    }

    static String reference(Recipe recipe, String kubernetesVersion, KubernetesSource source) {
        return tagPrefix(requireReleaseVersion(kubernetesVersion)) + recipe.hash(kubernetesVersion, source);
    }

    /** What every image for {@code kubernetesVersion} starts with, whatever recipe built it. */
    static String tagPrefix(String kubernetesVersion) {
        return REPOSITORY + ":" + kubernetesVersion + "-";
    }

    /** Returns the version if it has the v1.MINOR.PATCH form of a Kubernetes release; fails with BAD_INPUT otherwise. */
    public static String requireReleaseVersion(String kubernetesVersion) {
        if (kubernetesVersion == null || !RELEASE_VERSION.matcher(kubernetesVersion).matches()) {
            throw new NodeImageException(NodeImageException.Kind.BAD_INPUT, "not a Kubernetes release version: '"
                    + kubernetesVersion + "' (expected v1.MINOR.PATCH, e.g. " + DEFAULT_KUBERNETES_VERSION + ")");
        }
        return kubernetesVersion;
    }
}
