package dev.kindj.cli.export;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.KubeconfigPath;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.kubeconfig.ClusterKubeconfig;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kubeconfig", description = "Merge a cluster's admin kubeconfig into a kubeconfig file and make it current.")
public final class ExportKubeconfigCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private KubeconfigPath kubeconfigPath;
    @Option(names = "--internal", description = "Use the API's address on the cluster's Docker network, for clients in containers.")
    private boolean internal;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            Path target = kubeconfigPath.resolve();
            KubeconfigFile.merge(target, ClusterKubeconfig.read(provider, clusterName.get(), internal));
            if (!Verbosity.isQuiet()) {
                spec.commandLine().getErr().println("Set kubectl context to \"" + KubeconfigFile.entryName(clusterName.get())
                        + "\" in " + target);
            }
        }
        return ExitCodes.OK;
    }
}
