package dev.kindj.internal.provision.images;

import java.util.List;

/** What loading did on each node, per image; the public API's ImageLoadResult answers questions about it. */
public record ImageLoadReport(List<Entry> entries) {

    /** What happened to one image on one node. */
    public enum Outcome {
        /** Streamed into the node's containerd. */
        IMPORTED,
        /** The node had the same image (same ID) under another name: only the name was added. */
        TAGGED,
        /** The node had the image under this name already: nothing was done. */
        PRESENT
    }

    public record Entry(String image, String node, Outcome outcome) {
    }

    public ImageLoadReport {
        entries = List.copyOf(entries);
    }
}
