package dev.kindj.internal.nodeimage;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The load balancer image of clusters with several control planes: {@code kindj/haproxy:<hash of the recipe's
 * load-balancer/ directory>}, built from a local Debian image (the node image) since nothing can be pulled.
 */
public final class LoadBalancerImage {

    public static final String REPOSITORY = "kindj/haproxy";
    static final String RECIPE_DIRECTORY = "load-balancer";

    private LoadBalancerImage() {
    }

    /** The image the current recipe builds. */
    public static String reference() {
        return reference(Recipe.fromClasspath());
    }

    static String reference(Recipe recipe) {
        return DirectoryImage.reference(recipe, REPOSITORY, RECIPE_DIRECTORY);
    }

    /**
     * Returns the image name: at once if Docker has it already, else after building it (about 15 s).
     *
     * @param debianImage a local Debian trixie image with apt sources to take haproxy from, such as the node image
     * @param progress    receives one line per build step, prefixed with the time since this call
     */
    public static String ensure(String debianImage, Consumer<String> progress) {
        Objects.requireNonNull(debianImage, "debianImage");
        return DirectoryImage.ensure(REPOSITORY, RECIPE_DIRECTORY, List.of("--from", debianImage),
                Objects.requireNonNull(progress, "progress"));
    }
}
