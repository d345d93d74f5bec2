package dev.kindj.cli.create;

import dev.kindj.api.ClusterBuilder;
import dev.kindj.api.Kindj;
import dev.kindj.api.KubeconfigFiles;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.DurationConverter;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.KubeconfigPath;
import dev.kindj.cli.shared.Verbosity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
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
    @Option(names = "--registry", paramLabel = "NAME",
            description = "A local registry (kindj create registry) the nodes pull localhost:PORT/... from.")
    private String registry;
    @Option(names = "--api-server-address", paramLabel = "IP",
            description = "Address to publish the API server on, which the kubeconfig names (default: 127.0.0.1, or the "
                    + "engine's host for DOCKER_HOST=tcp://HOST:PORT); replaces the config's networking.apiServerAddress.")
    private String apiServerAddress;
    @Option(names = "--retain", description = "Keep the nodes when creation fails, for debugging.")
    private boolean retain;
    @Option(names = "--disable-load-balancer-services",
            description = "Leave Services of type LoadBalancer pending: no MetalLB, which saves its memory and start-up.")
    private boolean disableLoadBalancerServices;
    @Option(names = "--api-only",
            description = "Only etcd, the API server and the controller-manager in one container: no nodes, pods stay Pending; starts in seconds, for operator tests.")
    private boolean apiOnly;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ClusterBuilder builder = Kindj.connect().cluster(clusterName.given().orElse(null))
                .retainOnFailure(retain)
                .loadBalancerServices(!disableLoadBalancerServices)
                .keepOnClose(true)
                .waitForReady(wait);
        if (apiOnly) {
            builder.apiOnly();
        }
        if (image != null) {
            builder.image(image);
        }
        if (registry != null) {
            builder.registry(registry);
        }
        if (apiServerAddress != null) {
            builder.apiServerAddress(apiServerAddress);
        }
        if ("-".equals(configFile)) {
            builder.config(System.in, "<stdin>");
        } else if (configFile != null) {
            builder.config(Path.of(configFile));
        }
        String name = builder.name();
        verbosity.progress("Creating cluster \"" + name + "\" ...");
        if (!Verbosity.isQuiet()) {
            builder.listener(new StepPrinter(spec.commandLine().getErr(), System.console() != null));
        }
        String kubeconfig = builder.create().kubeconfig();
        Path target = kubeconfigPath.resolve();
        KubeconfigFiles.merge(target, kubeconfig);
        String context = KubeconfigFiles.contextName(name);
        verbosity.progress("Set kubectl context to \"" + context + "\" in " + target);
        verbosity.progress("You can now use your cluster with:\n\nkubectl cluster-info --context " + context
                + (kubeconfigPath.isDefault() ? "" : " --kubeconfig " + target));
        return ExitCodes.OK;
    }
}
