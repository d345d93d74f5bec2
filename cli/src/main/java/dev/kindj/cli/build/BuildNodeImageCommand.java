package dev.kindj.cli.build;

import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import dev.kindj.internal.nodeimage.KubernetesSource;
import dev.kindj.internal.nodeimage.LoadBalancerImage;
import dev.kindj.internal.nodeimage.NodeImage;
import dev.kindj.internal.nodeimage.NodeImageBuilder;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "node-image",
        description = {"Build the node image from Debian packages and the Go module proxy; nothing is pulled from a registry.",
                "Also builds the load balancer image of clusters with several control planes (" + LoadBalancerImage.REPOSITORY
                        + ") from it.",
                "An image that already has the name is kept as it is. Prints the node image's name."})
public final class BuildNodeImageCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Option(names = "--kubernetes-version", paramLabel = "VERSION", defaultValue = NodeImage.DEFAULT_KUBERNETES_VERSION,
            description = "Kubernetes release, v1.MINOR.PATCH (default: ${DEFAULT-VALUE}).")
    private String kubernetesVersion;
    @Option(names = "--image", paramLabel = "NAME",
            description = "Name for the image (default: " + NodeImage.REPOSITORY + ":VERSION-RECIPEHASH).")
    private String image;
    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "modules",
            description = "Where the Kubernetes binaries come from: modules (compiled from the Go module proxy),"
                    + " release (downloaded from dl.k8s.io) or dir:PATH (default: ${DEFAULT-VALUE}).")
    private String source;
    @Option(names = "--base-image", paramLabel = "IMAGE",
            description = "A local Debian trixie image to start from instead of debootstrap (which needs root).")
    private String baseImage;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        NodeImageBuilder builder = NodeImageBuilder.forVersion(kubernetesVersion).withSource(KubernetesSource.parse(source));
        if (image != null) {
            builder.withImage(image);
        }
        if (baseImage != null) {
            builder.withBaseImage(baseImage);
        }
        Consumer<String> progress = Verbosity.isQuiet() ? line -> { } : spec.commandLine().getErr()::println;
        String nodeImage = builder.withProgress(progress).ensure();
        LoadBalancerImage.ensure(nodeImage, progress);
        spec.commandLine().getOut().println(nodeImage);
        return ExitCodes.OK;
    }
}
