package dev.kindj.cli.get;

import dev.kindj.cli.shared.AdminKubeconfig;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "kubeconfig", description = "Print a cluster's admin kubeconfig.")
public final class GetKubeconfigCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private AdminKubeconfig adminKubeconfig;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(adminKubeconfig.of(clusterName.cluster()));
        return ExitCodes.OK;
    }
}
