package dev.kindj.internal.provision.images;

import dev.kindj.internal.provision.node.NodeProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The images in a node's containerd (namespace k8s.io): each name and the manifest digest it points to.
 * containerd's CRI plugin also names every image by its config digest ({@code sha256:...}), which is the image ID
 * on Docker's classic store; on Docker's containerd store the ID is the manifest digest itself. Either way an image
 * ID says whether the node has the image, under whatever name.
 */
final class NodeImages {

    private final Map<String, String> targetByName;

    private NodeImages(Map<String, String> targetByName) {
        this.targetByName = targetByName;
    }

    static NodeImages read(NodeProvider provider, String nodeName) {
        return parse(provider.exec(nodeName, "ctr", "--namespace=k8s.io", "images", "ls").orThrow(nodeName).stdout());
    }

    /** {@code ctr images ls} prints a header, then one image per line: name, media type, digest, ... */
    static NodeImages parse(String listing) {
        Map<String, String> targets = new HashMap<>();
        listing.lines().skip(1).map(line -> line.trim().split("\\s+")).filter(columns -> columns.length >= 3)
                .forEach(columns -> targets.put(columns[0], columns[2]));
        return new NodeImages(targets);
    }

    /** Whether the node has the image under its name. */
    boolean has(LocalImage image) {
        return target(image.id()).filter(target -> target.equals(targetByName.get(image.name().containerdRef())))
                .isPresent();
    }

    /** Whether the node has the image's name on another image, as after the name was moved to a rebuilt image. */
    boolean namesAnotherImage(LocalImage image) {
        return targetByName.containsKey(image.name().containerdRef()) && !has(image);
    }

    /** A name under which the node has the image, if it has it at all. */
    Optional<String> anyNameOf(LocalImage image) {
        return target(image.id()).flatMap(target -> targetByName.entrySet().stream()
                .filter(entry -> entry.getValue().equals(target)).map(Map.Entry::getKey).sorted().findFirst());
    }

    private Optional<String> target(String imageId) {
        String byConfigDigest = targetByName.get(imageId);
        if (byConfigDigest != null) {
            return Optional.of(byConfigDigest);
        }
        return targetByName.containsValue(imageId) ? Optional.of(imageId) : Optional.empty();
    }
}
