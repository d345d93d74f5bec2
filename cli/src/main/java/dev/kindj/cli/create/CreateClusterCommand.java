package dev.kindj.cli.create;

import dev.kindj.cli.ClusterName;
import dev.kindj.cli.DurationConverter;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.KubeconfigPath;
import dev.kindj.cli.Verbosity;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.ClusterConfigLoader;
import dev.kindj.internal.nodeimage.LoadBalancerImage;
import dev.kindj.internal.nodeimage.NodeImageBuilder;
import dev.kindj.internal.provision.bootstrap.ClusterCreator;
import dev.kindj.internal.provision.bootstrap.CreatedCluster;
import dev.kindj.internal.provision.bootstrap.CreationProgress;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import dev.kindj.internal.provision.kubeconfig.KubeconfigFile;
import dev.kindj.internal.provision.plan.ClusterPlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cluster", description = "Create a Kubernetes cluster of Docker containers.")
public final class CreateClusterCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private KubeconfigPath kubeconfigPath;
    @Option(names = "--config", paramLabel = "FILE", description = "A kind-style cluster config file, or - for stdin.")
    private String configFile;
    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Node image (default: the kindj node image for the default Kubernetes version, built if missing).")
    private String image;
    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long to wait for nodes and DNS to be ready; 0 returns once the control plane is up (default: ${DEFAULT-VALUE}).")
    private Duration wait;
    @Option(names = "--retain", description = "Keep the nodes when creation fails, for debugging.")
    private boolean retain;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ClusterConfig config = loadConfig();
        PrintWriter out = spec.commandLine().getErr();
        boolean quiet = Verbosity.isQuiet();
        if (!quiet) {
            out.println("Creating cluster \"" + config.name() + "\" ...");
            config.warnings().forEach(warning -> out.println(" ! " + warning));
        }
        Consumer<String> buildProgress = quiet ? line -> { } : line -> out.println("   " + line);
        String nodeImage = image != null ? image : NodeImageBuilder.forDefaultVersion()
                .withProgress(buildProgress)
                .ensure();
        String loadBalancerImage = ClusterPlanner.needsLoadBalancer(config)
                ? LoadBalancerImage.ensure(nodeImage, buildProgress)
                : null;
        CreationProgress progress = quiet ? CreationProgress.SILENT : new StepPrinter(out, System.console() != null);
        try (DockerNodeProvider provider = DockerNodeProvider.connect()) {
            CreatedCluster cluster = ClusterCreator.forConfig(config, provider)
                    .withImage(nodeImage)
                    .withLoadBalancerImage(loadBalancerImage)
                    .withRetain(retain)
                    .withWaitForReady(wait)
                    .withProgress(progress)
                    .create();
            Path target = kubeconfigPath.resolve();
            KubeconfigFile.merge(target, cluster.kubeconfig());
            if (!quiet) {
                String context = KubeconfigFile.entryName(cluster.name());
                out.println("Set kubectl context to \"" + context + "\" in " + target);
                out.println("You can now use your cluster with:\n\nkubectl cluster-info --context " + context
                        + (target.equals(KubeconfigPath.defaultPath()) ? "" : " --kubeconfig " + target));
            }
        }
        return ExitCodes.OK;
    }

    private ClusterConfig loadConfig() throws IOException {
        ClusterConfig config = configFile == null ? ClusterConfigLoader.defaults()
                : configFile.equals("-")
                        ? ClusterConfigLoader.parse(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>")
                        : ClusterConfigLoader.load(Path.of(configFile));
        return clusterName.given().map(config::withName).orElse(config);
    }
}
