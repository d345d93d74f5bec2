package dev.kindj.cli.get;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjRegistry;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.OutputFormat;
import dev.kindj.cli.shared.Verbosity;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "registries", description = {"List the local registries kindj created, found by their labels.",
        "With -o json: one object per registry, [{\"name\": ..., \"host\": \"localhost:5001\", \"port\": 5001,"
                + " \"state\": \"running\", \"clusters\": [...]}, ...]."})
public final class GetRegistriesCommand implements Callable<Integer> {

    /** A registry in the JSON output; clusters are those whose nodes pull from it. */
    record Row(String name, String host, int port, String state, List<String> clusters) {

        Row(KindjRegistry registry) {
            this(registry.name(), registry.host(), registry.port(), registry.state(), registry.clusters());
        }
    }

    private static final String TEXT_ROW = "%-30s %-16s %-10s %s%n";

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private OutputFormat output;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<Row> rows = Kindj.connect().registries().stream().map(Row::new).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            OutputFormat.printJson(out, rows);
        } else if (rows.isEmpty()) {
            spec.commandLine().getErr().println("No kindj registries found.");
        } else {
            out.printf(TEXT_ROW, "NAME", "HOST", "STATUS", "CLUSTERS");
            rows.forEach(row -> out.printf(TEXT_ROW, row.name(), row.host(), row.state(), String.join(",", row.clusters())));
        }
        return ExitCodes.OK;
    }
}
