package dev.kindj.cli.delete;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.Kindj;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.KubeconfigPath;
import dev.kindj.cli.shared.Verbosity;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "clusters", description = "Delete the named clusters, or all of them with --all.")
public final class DeleteClustersCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Option(names = {"-A", "--all"}, description = "Delete every cluster kindj created.")
    private boolean all;
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Clusters to delete.")
    private List<String> names = List.of();
    @Mixin
    private KubeconfigPath kubeconfigPath;

    @Override
    public Integer call() {
        if (all == !names.isEmpty()) {
            throw new InvalidRequestException("name the clusters to delete, or pass --all (not both)");
        }
        List<String> targets = all ? Kindj.connect().clusters() : names;
        targets.forEach(name -> ClusterDeletion.delete(name, kubeconfigPath.resolve(), verbosity));
        return ExitCodes.OK;
    }
}
