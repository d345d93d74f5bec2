package dev.kindj.cli.export;

import dev.kindj.api.KindjCluster;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", description = "Write the cluster's component, container and pod logs, its events and node"
        + " descriptions to a folder (no keys or kubeconfigs) and print the folder.")
public final class ExportLogsCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder to write to (default: a new temporary folder).")
    private Path dir;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        verbosity.progress("Exporting logs of cluster \"" + clusterName.get() + "\" ...");
        // Looked up first, so that no folder is made for a cluster that does not exist.
        KindjCluster cluster = clusterName.cluster();
        Path target = dir != null ? dir : Files.createTempDirectory("kindj-logs-" + cluster.name() + "-");
        spec.commandLine().getOut().println(cluster.exportLogs(target).toAbsolutePath());
        return ExitCodes.OK;
    }
}
