package dev.kindj.cli.get;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.kubeconfig.ClusterKubeconfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kubeconfig", description = "Print a cluster's admin kubeconfig.")
public final class GetKubeconfigCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Option(names = "--internal", description = "Use the API's address on the cluster's Docker network, for clients in containers.")
    private boolean internal;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            spec.commandLine().getOut().print(ClusterKubeconfig.read(provider, clusterName.get(), internal));
        }
        return ExitCodes.OK;
    }
}
