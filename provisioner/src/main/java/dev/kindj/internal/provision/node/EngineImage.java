package dev.kindj.internal.provision.node;

import java.util.List;

/**
 * An image in the engine where nodes are created, as it answered a look-up.
 *
 * @param id the image ID ({@code sha256:...})
 * @param names the NAME:TAG names it carries, as {@code docker images} shows them
 */
public record EngineImage(String id, List<String> names) {

    public EngineImage {
        names = List.copyOf(names);
    }
}
