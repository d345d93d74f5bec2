package dev.kindj.internal.provision.node;

import java.util.List;
import java.util.function.Function;

/**
 * The files a node container gets between its creation and its first start: its units find them at boot, as after a
 * restart, with no round trip into a running node. Docker copies into a created container, volumes included.
 */
@FunctionalInterface
public interface BootFiles {

    BootFiles NONE = imageFile -> List.of();

    /**
     * @param imageFile reads a regular file of the created container, as its image made it (nodes may run different
     *        images, and some files extend the image's own)
     */
    List<NodeFile> files(Function<String, byte[]> imageFile);

    static BootFiles of(List<NodeFile> files) {
        List<NodeFile> copy = List.copyOf(files);
        return imageFile -> copy;
    }
}
