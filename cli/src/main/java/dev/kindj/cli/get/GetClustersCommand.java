package dev.kindj.cli.get;

import dev.kindj.api.Kindj;
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

@Command(name = "clusters", description = {"List the clusters kindj created, found by their labels; one name per line.",
        "With -o json: one object per cluster, [{\"name\": \"kind\"}, ...]."})
public final class GetClustersCommand implements Callable<Integer> {

    /** A cluster in the JSON output: an object rather than a bare name, so that fields can be added later. */
    record Row(String name) {
    }

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private OutputFormat output;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> clusters = Kindj.connect().clusters();
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            OutputFormat.printJson(out, clusters.stream().map(Row::new).toList());
        } else if (clusters.isEmpty()) {
            spec.commandLine().getErr().println("No kindj clusters found.");
        } else {
            clusters.forEach(out::println);
        }
        return ExitCodes.OK;
    }
}
