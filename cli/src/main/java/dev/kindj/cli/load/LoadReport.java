package dev.kindj.cli.load;

import dev.kindj.api.ImageLoadResult;
import dev.kindj.api.ImageLoadResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One line per image: where it was imported, only named, or already present. */
final class LoadReport {

    private static final Map<Outcome, String> WORDING = Map.of(
            Outcome.IMPORTED, "loaded into",
            Outcome.TAGGED, "already on (same ID, name added)",
            Outcome.PRESENT, "already on");

    private LoadReport() {
    }

    static List<String> lines(ImageLoadResult result) {
        List<String> lines = new ArrayList<>();
        for (String image : result.images()) {
            List<String> parts = new ArrayList<>();
            for (Outcome outcome : Outcome.values()) {
                List<String> nodes = result.nodes(image, outcome);
                if (!nodes.isEmpty()) {
                    parts.add(WORDING.get(outcome) + " " + String.join(", ", nodes));
                }
            }
            lines.add("Image \"" + image + "\": " + String.join("; ", parts));
        }
        return lines;
    }
}
