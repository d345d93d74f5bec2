package dev.kindj.cli.load;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "docker-image",
        description = "Load images from the local Docker engine into the nodes; nodes that have an image already are skipped.")
public final class LoadDockerImageCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private NodeNames nodeNames;
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image names as `docker images` shows them (NAME[:TAG]).")
    private List<String> images;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            List<String> nodes = nodeNames.select(provider, clusterName.get());
            var report = new ImageLoader(provider).loadImages(images, nodes);
            if (!Verbosity.isQuiet()) {
                LoadReportPrinter.print(report, spec.commandLine().getErr());
            }
        }
        return ExitCodes.OK;
    }
}
