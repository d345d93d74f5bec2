package dev.kindj.internal.nodeimage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An image made by the build script of one recipe directory and tagged with that directory's hash, so that a change
 * of the directory builds a new image and anything else reuses the one there is.
 */
final class DirectoryImage {

    private DirectoryImage() {
    }

    static String reference(Recipe recipe, String repository, String directory) {
        return repository + ":" + recipe.hashOf(directory);
    }

    /**
     * Returns the image name: at once if Docker has it already, else after running {@code directory/build.sh} with the
     * arguments and {@code --image NAME}.
     */
    static String ensure(String repository, String directory, List<String> arguments, Consumer<String> progress) {
        Consumer<String> timed = TimedProgress.from(progress);
        Recipe recipe = Recipe.fromClasspath();
        String name = reference(recipe, repository, directory);
        if (LocalImages.exists(name)) {
            timed.accept("[" + directory + "] " + name + " exists already");
            return name;
        }
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of("--image", name));
        BuildScript.run(recipe, directory + "/" + Recipe.BUILD_SCRIPT, all, name, timed);
        return name;
    }
}
