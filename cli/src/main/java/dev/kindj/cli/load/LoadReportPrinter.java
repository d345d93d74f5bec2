package dev.kindj.cli.load;

import dev.kindj.internal.provision.images.ImageLoadReport;
import dev.kindj.internal.provision.images.ImageLoadReport.Outcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One line per image: where it was imported, only named, or already present. */
final class LoadReportPrinter {

    private static final Map<Outcome, String> WORDING = Map.of(
            Outcome.IMPORTED, "loaded into",
            Outcome.TAGGED, "already on (same ID, name added)",
            Outcome.PRESENT, "already on");

    private LoadReportPrinter() {
    }

    static void print(ImageLoadReport report, PrintWriter out) {
        for (String image : report.images()) {
            List<String> parts = new ArrayList<>();
            for (Outcome outcome : Outcome.values()) {
                List<String> nodes = report.nodes(image, outcome);
                if (!nodes.isEmpty()) {
                    parts.add(WORDING.get(outcome) + " " + String.join(", ", nodes));
                }
            }
            out.println("Image \"" + image + "\": " + String.join("; ", parts));
        }
    }
}
