package dev.kindj.cli.load;

import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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

    @Override
    public Integer call() {
        LoadReport.lines(clusterName.cluster().loadImages(images, nodeNames.get())).forEach(verbosity::progress);
        return ExitCodes.OK;
    }
}
