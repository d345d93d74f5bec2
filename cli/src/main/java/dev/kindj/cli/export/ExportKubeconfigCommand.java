package dev.kindj.cli.export;

import dev.kindj.api.KindjCluster;
import dev.kindj.api.KubeconfigFiles;
import dev.kindj.cli.shared.AdminKubeconfig;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.KubeconfigPath;
import dev.kindj.cli.shared.Verbosity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "kubeconfig", description = "Merge a cluster's admin kubeconfig into a kubeconfig file and make it current.")
public final class ExportKubeconfigCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private KubeconfigPath kubeconfigPath;
    @Mixin
    private AdminKubeconfig adminKubeconfig;

    @Override
    public Integer call() {
        KindjCluster cluster = clusterName.cluster();
        Path target = kubeconfigPath.resolve();
        KubeconfigFiles.merge(target, adminKubeconfig.of(cluster));
        verbosity.progress("Set kubectl context to \"" + KubeconfigFiles.contextName(cluster.name()) + "\" in " + target);
        return ExitCodes.OK;
    }
}
