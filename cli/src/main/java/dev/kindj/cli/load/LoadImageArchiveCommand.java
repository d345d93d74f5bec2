package dev.kindj.cli.load;

import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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

    @Override
    public Integer call() {
        LoadReport.lines(clusterName.cluster().loadImageArchive(archive, nodeNames.get())).forEach(verbosity::progress);
        return ExitCodes.OK;
    }
}
