package dev.kindj.cli.build;

import dev.kindj.api.Kindj;
import dev.kindj.api.NodeImageRequest;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "node-image",
        description = {"Build the node image from Debian packages and the Go module proxy; nothing is pulled from a registry.",
                "Also builds the load balancer image of clusters with several control planes ("
                        + NodeImageRequest.LOAD_BALANCER_REPOSITORY + ") from it.",
                "An image that already has the name is kept as it is. Prints the node image's name."})
public final class BuildNodeImageCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Option(names = "--kubernetes-version", paramLabel = "VERSION", defaultValue = Kindj.DEFAULT_KUBERNETES_VERSION,
            description = "Kubernetes release, v1.MINOR.PATCH (default: ${DEFAULT-VALUE}).")
    private String kubernetesVersion;
    @Option(names = "--image", paramLabel = "NAME",
            description = "Name for the image (default: " + NodeImageRequest.REPOSITORY + ":VERSION-RECIPEHASH).")
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
        NodeImageRequest request = Kindj.connect().nodeImage(kubernetesVersion).source(source)
                .progress(verbosity::progress);
        if (image != null) {
            request.image(image);
        }
        if (baseImage != null) {
            request.baseImage(baseImage);
        }
        String nodeImage = request.ensure();
        request.ensureLoadBalancer();
        spec.commandLine().getOut().println(nodeImage);
        return ExitCodes.OK;
    }
}
