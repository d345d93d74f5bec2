package dev.kindj.cli.load;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.images.ImageLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "image-archive",
        description = "Load the images of a `docker save` archive into the nodes; nodes that have them already are skipped.")
public final class LoadImageArchiveCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private NodeNames nodeNames;
    @Parameters(index = "0", paramLabel = "FILE", description = "An image archive written by docker save.")
    private Path archive;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            List<String> nodes = nodeNames.select(provider, clusterName.get());
            var report = new ImageLoader(provider).loadArchive(archive, nodes);
            if (!Verbosity.isQuiet()) {
                LoadReportPrinter.print(report, spec.commandLine().getErr());
            }
        }
        return ExitCodes.OK;
    }
}
