package dev.kindj.cli.get;

import dev.kindj.api.Kindj;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "clusters", description = "List the clusters kindj created, found by their labels.")
public final class GetClustersCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> clusters = Kindj.connect().clusters();
        if (clusters.isEmpty()) {
            spec.commandLine().getErr().println("No kindj clusters found.");
        }
        clusters.forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
