package dev.kindj.internal.provision.images;

import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.images.ImageLoadReport.Entry;
import dev.kindj.internal.provision.images.ImageLoadReport.Outcome;
import dev.kindj.internal.provision.node.EngineImage;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.UnknownNameException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams images from the Docker engine, or from an archive, into nodes' containerd (namespace k8s.io, where the
 * kubelet looks), so pods can use images that were built locally and never pushed anywhere. All nodes load at
 * once from a single read of the images; no copy is written anywhere. A node that already has an image (same
 * image ID) is left alone, or only given the new name.
 */
public final class ImageLoader {

    /*
     * --local: ctr reads the stream itself instead of relaying it through containerd's transfer service, about
     * twice as fast here. --no-unpack: containerd's CRI plugin unpacks an image on a node when the first container
     * that uses it starts there, so nodes that never run it never pay for unpacking it.
     */
    private static final List<String> IMPORT = List.of(
            "ctr", "--namespace=k8s.io", "images", "import", "--local", "--no-unpack", "--all-platforms", "-");

    private final NodeProvider provider;

    public ImageLoader(NodeProvider provider) {
        this.provider = provider;
    }

    /** Loads one image of the Docker engine into every named node. */
    public void load(String image, List<String> nodeNames) {
        loadImages(List.of(image), nodeNames);
    }

    /**
     * Loads images of the Docker engine into every named node.
     *
     * @param images names as Docker shows them ({@code NAME[:TAG]}, tag {@code latest} when omitted)
     * @throws UnknownNameException for an image the engine does not have
     */
    public ImageLoadReport loadImages(List<String> images, List<String> nodeNames) {
        List<LocalImage> local = images.stream().distinct().map(this::inspect).toList();
        return load(local, nodeNames, new ImageSource() {
            @Override
            public List<LocalImage> streamFor(List<LocalImage> missing) {
                return missing;
            }

            @Override
            public InputStream open(List<LocalImage> selected) {
                return provider.saveImages(selected.stream().map(image -> image.name().familiar()).toList());
            }
        });
    }

    /**
     * Loads every named image of a {@code docker save} archive into every named node; the archive is read once.
     *
     * @throws UnknownNameException when the file does not exist
     * @throws IllegalArgumentException when it is not an image archive
     */
    public ImageLoadReport loadArchive(Path archive, List<String> nodeNames) {
        List<LocalImage> contents = ArchiveContents.read(archive);
        return load(contents, nodeNames, new ImageSource() {
            @Override
            public List<LocalImage> streamFor(List<LocalImage> missing) {
                return contents;
            }

            @Override
            public InputStream open(List<LocalImage> selected) {
                try {
                    return Files.newInputStream(archive);
                } catch (IOException e) {
                    throw new UncheckedIOException("opening " + archive + " failed", e);
                }
            }
        });
    }

    /** Where images come from: the engine can stream any subset, an archive only all of itself. */
    private interface ImageSource {
        /** The images a stream must carry for a node that misses {@code missing}. */
        List<LocalImage> streamFor(List<LocalImage> missing);

        InputStream open(List<LocalImage> images);
    }

    private LocalImage inspect(String image) {
        ImageName name = ImageName.parse(image);
        EngineImage found = provider.findImage(name.familiar()).orElseThrow(() -> new UnknownNameException("image "
                + image + " is not in the local Docker engine; build or tag it first (nothing can be pulled)"));
        if (!found.names().contains(name.familiar())) {
            throw new UnknownNameException("'" + image + "' is not the name of a local image; give NAME[:TAG]"
                    + " as `docker images` shows it");
        }
        return new LocalImage(name, found.id());
    }

    private ImageLoadReport load(List<LocalImage> images, List<String> nodeNames, ImageSource source) {
        Map<String, NodeImages> inventories = new ConcurrentHashMap<>();
        Parallel.forEach("reading the images on the nodes", nodeNames,
                node -> inventories.put(node, NodeImages.read(provider, node)));
        List<Entry> entries = new ArrayList<>();
        Map<String, List<List<String>>> namingByNode = new LinkedHashMap<>();
        Map<List<LocalImage>, List<String>> nodesByStream = new LinkedHashMap<>();
        for (String node : nodeNames) {
            NodeImages inventory = inventories.get(node);
            List<LocalImage> missing = new ArrayList<>();
            for (LocalImage image : images) {
                Optional<String> otherName = inventory.anyNameOf(image);
                Outcome outcome = inventory.has(image) ? Outcome.PRESENT
                        : otherName.isPresent() ? Outcome.TAGGED : Outcome.IMPORTED;
                entries.add(new Entry(image.name().familiar(), node, outcome));
                if (outcome == Outcome.TAGGED) {
                    namingByNode.computeIfAbsent(node, key -> new ArrayList<>())
                            .add(tag(otherName.get(), image.name().containerdRef()));
                } else if (outcome == Outcome.IMPORTED) {
                    missing.add(image);
                }
            }
            if (!missing.isEmpty()) {
                List<LocalImage> stream = source.streamFor(missing);
                nodesByStream.computeIfAbsent(stream, key -> new ArrayList<>()).add(node);
                List<String> moved = stream.stream().filter(inventory::namesAnotherImage)
                        .map(image -> image.name().containerdRef()).toList();
                if (!moved.isEmpty()) {
                    namingByNode.computeIfAbsent(node, key -> new ArrayList<>()).add(untag(moved));
                }
            }
        }
        Parallel.forEach("naming images", namingByNode.keySet(), node -> namingByNode.get(node).forEach(
                command -> provider.exec(node, command, null).orThrow(node)));
        Parallel.forEach("importing images", nodesByStream.keySet(),
                stream -> importInto(nodesByStream.get(stream), source.open(stream)));
        return new ImageLoadReport(entries);
    }

    /** One read of the stream, copied to every node as it arrives. */
    private void importInto(List<String> nodes, InputStream stream) {
        List<InputStream> branches = StreamFanOut.split(stream, nodes.size(), "kindj-image-stream");
        Parallel.forEach("importing images", nodes, node -> {
            try (InputStream branch = branches.get(nodes.indexOf(node))) {
                provider.exec(node, IMPORT, branch).orThrow(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Gives an image the node has under one name another name. */
    private static List<String> tag(String from, String to) {
        return List.of("ctr", "--namespace=k8s.io", "images", "tag", "--force", from, to);
    }

    /**
     * Takes names off the older images they name. containerd's CRI plugin names an image by its ID
     * ({@code sha256:...}, what the skip check looks for) when an import creates the image, not when the import
     * moves an existing name to another image: without this, a rebuilt image would be sent again on every load.
     * The older image keeps its ID name, so pods that use it are not affected.
     */
    private static List<String> untag(List<String> names) {
        List<String> command = new ArrayList<>(List.of("ctr", "--namespace=k8s.io", "images", "rm"));
        command.addAll(names);
        return command;
    }
}
