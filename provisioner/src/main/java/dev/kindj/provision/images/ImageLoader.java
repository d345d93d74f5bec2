package dev.kindj.provision.images;

import dev.kindj.provision.docker.DockerNodeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Streams an image from the Docker engine into nodes' containerd (namespace k8s.io, where the
 * kubelet looks), so pods can use images that were built locally and never pushed anywhere.
 */
public final class ImageLoader {

    private final DockerNodeProvider provider;

    public ImageLoader(DockerNodeProvider provider) {
        this.provider = provider;
    }

    /** Loads the image into every named node, all at once; no temporary copy is written. */
    public void load(String image, List<String> nodeNames) {
        if (!provider.hasImage(image)) {
            throw new IllegalArgumentException("image " + image + " is not in the local Docker engine; build or tag it first");
        }
        CompletableFuture.allOf(nodeNames.stream()
                .map(node -> CompletableFuture.runAsync(() -> loadInto(image, node)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void loadInto(String image, String node) {
        try (InputStream archive = provider.docker().saveImageCmd(image).exec()) {
            provider.exec(node, List.of("ctr", "--namespace=k8s.io", "images", "import", "--all-platforms", "-"), archive)
                    .orThrow(node);
        } catch (IOException e) {
            throw new UncheckedIOException("streaming " + image + " into " + node + " failed", e);
        }
    }
}
