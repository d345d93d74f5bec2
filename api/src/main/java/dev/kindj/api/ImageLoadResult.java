package dev.kindj.api;

import java.util.List;

/** What loading images did on each node. */
public record ImageLoadResult(List<Entry> entries) {

    /** What happened to one image on one node. */
    public enum Outcome {
        /** Streamed into the node's containerd. */
        IMPORTED,
        /** The node had the same image (same ID) under another name: only the name was added. */
        TAGGED,
        /** The node had the image under this name already: nothing was sent. */
        PRESENT
    }

    /** One image on one node. */
    public record Entry(String image, String node, Outcome outcome) {
    }

    public ImageLoadResult {
        entries = List.copyOf(entries);
    }

    /** The images, in the order they were asked for. */
    public List<String> images() {
        return entries.stream().map(Entry::image).distinct().toList();
    }

    /** The nodes where the image had this outcome, sorted by name. */
    public List<String> nodes(String image, Outcome outcome) {
        return entries.stream().filter(entry -> entry.image().equals(image) && entry.outcome() == outcome)
                .map(Entry::node).sorted().toList();
    }
}
