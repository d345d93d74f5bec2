package dev.kindj.internal.nodeimage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Makes sure a node image exists, building it with the recipe when it does not:
 * {@code NodeImageBuilder.forVersion("v1.35.4").withProgress(System.err::println).ensure()}.
 */
public final class NodeImageBuilder {

    private static final Pattern RECIPE_HASH = Pattern.compile("[0-9a-f]{12}");

    private final String kubernetesVersion;
    private String image;
    private KubernetesSource source = KubernetesSource.MODULES;
    private String baseImage;
    private Consumer<String> progress = line -> { };

    private NodeImageBuilder(String kubernetesVersion) {
        this.kubernetesVersion = kubernetesVersion;
    }

    /** Fails with BAD_INPUT at once unless the version has the form v1.MINOR.PATCH. */
    public static NodeImageBuilder forVersion(String kubernetesVersion) {
        return new NodeImageBuilder(NodeImage.requireReleaseVersion(kubernetesVersion));
    }

    /** The builder for {@link NodeImage#DEFAULT_KUBERNETES_VERSION}. */
    public static NodeImageBuilder forDefaultVersion() {
        return forVersion(NodeImage.DEFAULT_KUBERNETES_VERSION);
    }

    /** The name to give the image; by default {@link NodeImage#reference}, which changes whenever the recipe does. */
    public NodeImageBuilder withImage(String image) {
        this.image = Objects.requireNonNull(image, "image");
        return this;
    }

    /** Where the Kubernetes binaries come from; {@link KubernetesSource#MODULES} by default. */
    public NodeImageBuilder withSource(KubernetesSource source) {
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    /** A local Debian trixie image to start from instead of debootstrap (which needs root). */
    public NodeImageBuilder withBaseImage(String baseImage) {
        this.baseImage = Objects.requireNonNull(baseImage, "baseImage");
        return this;
    }

    /** Receives one line per build step, prefixed with the time since {@link #ensure()} started; called from another thread. */
    public NodeImageBuilder withProgress(Consumer<String> progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Returns the image name: at once if Docker has it already, else after building it (minutes to tens of minutes). */
    public String ensure() {
        Consumer<String> timed = TimedProgress.from(progress);
        Recipe recipe = Recipe.fromClasspath();
        String name = image != null ? image : NodeImage.reference(recipe, kubernetesVersion, source);
        if (LocalImages.exists(name)) {
            timed.accept("[done] " + name + " exists already");
            return name;
        }
        BuildScript.run(recipe, scriptArguments(name), name, timed);
        return name;
    }

    /** The newest local image for the default Kubernetes version, preferring the one the current recipe builds. */
    public static Optional<String> findDefault() {
        return findExisting(NodeImage.DEFAULT_KUBERNETES_VERSION);
    }

    /** The newest local kindj/node image for {@code kubernetesVersion}, preferring the one the current recipe builds. */
    public static Optional<String> findExisting(String kubernetesVersion) {
        String current = NodeImage.reference(kubernetesVersion, KubernetesSource.MODULES);
        String prefix = NodeImage.tagPrefix(kubernetesVersion);
        List<String> candidates = LocalImages.tagsNewestFirst(NodeImage.REPOSITORY).stream()
                .filter(tag -> tag.startsWith(prefix) && RECIPE_HASH.matcher(tag.substring(prefix.length())).matches())
                .toList();
        return candidates.contains(current) ? Optional.of(current) : candidates.stream().findFirst();
    }

    private List<String> scriptArguments(String name) {
        List<String> arguments = new ArrayList<>(List.of(
                "--kubernetes-version", kubernetesVersion, "--image", name, "--source", source.argument()));
        if (baseImage != null) {
            arguments.addAll(List.of("--base-image", baseImage));
        }
        return arguments;
    }
}
