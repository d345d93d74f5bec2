package dev.kindj.cli.export;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.logs.ClusterLogs;
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
    public Integer call() {
        String name = clusterName.get();
        if (!Verbosity.isQuiet()) {
            spec.commandLine().getErr().println("Exporting logs of cluster \"" + name + "\" ...");
        }
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            Path exported = dir != null ? ClusterLogs.export(provider, name, dir) : ClusterLogs.export(provider, name);
            spec.commandLine().getOut().println(exported.toAbsolutePath());
        }
        return ExitCodes.OK;
    }
}
