package dev.kindj.internal.nodeimage;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The image of kindj's local registries: {@code kindj/registry:<hash of the recipe's registry/ directory>}, CNCF
 * distribution compiled from the Go module proxy, since no registry image can be pulled.
 */
public final class RegistryImage {

    public static final String REPOSITORY = "kindj/registry";
    static final String RECIPE_DIRECTORY = "registry";

    private RegistryImage() {
    }

    static String reference(Recipe recipe) {
        return DirectoryImage.reference(recipe, REPOSITORY, RECIPE_DIRECTORY);
    }

    /**
     * Returns the image name: at once if Docker has it already, else after building it (seconds with a warm Go
     * build cache, minutes with a cold one).
     *
     * @param progress receives one line per build step, prefixed with the time since this call
     */
    public static String ensure(Consumer<String> progress) {
        return DirectoryImage.ensure(REPOSITORY, RECIPE_DIRECTORY, List.of(), Objects.requireNonNull(progress, "progress"));
    }
}
