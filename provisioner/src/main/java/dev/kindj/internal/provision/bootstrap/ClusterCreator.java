package dev.kindj.internal.provision.bootstrap;

import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.steps.ApplyClusterObjects;
import dev.kindj.internal.provision.bootstrap.steps.AwaitApiOnlyReady;
import dev.kindj.internal.provision.bootstrap.steps.ConfigureLoadBalancer;
import dev.kindj.internal.provision.bootstrap.steps.CreateNodes;
import dev.kindj.internal.provision.bootstrap.steps.ExportKubeconfig;
import dev.kindj.internal.provision.bootstrap.steps.GenerateCertificates;
import dev.kindj.internal.provision.bootstrap.steps.JoinControlPlanes;
import dev.kindj.internal.provision.bootstrap.steps.RecordPlan;
import dev.kindj.internal.provision.bootstrap.steps.RegisterNodes;
import dev.kindj.internal.provision.bootstrap.steps.StartControlPlane;
import dev.kindj.internal.provision.bootstrap.steps.StartApiOnlyNode;
import dev.kindj.internal.provision.bootstrap.steps.StartEtcd;
import dev.kindj.internal.provision.bootstrap.steps.StartNodeAgents;
import dev.kindj.internal.provision.bootstrap.steps.WaitForLoadBalancerServices;
import dev.kindj.internal.provision.bootstrap.steps.UseLocalRegistry;
import dev.kindj.internal.provision.bootstrap.steps.WaitForReady;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.ClusterPlanner;
import dev.kindj.internal.provision.preflight.Demand;
import dev.kindj.internal.provision.preflight.Preflight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates a cluster: config → plan → containers → PKI and bootstrap → kubeconfig, as an ordered
 * list of small steps. A failure deletes everything created so far unless {@link #withRetain}.
 */
public final class ClusterCreator {

    /**
     * The steps, in order; each is one file in {@code steps/}.
     *
     * @param loadBalancerServices whether MetalLB is installed and waited for
     */
    static List<CreationStep> steps(boolean loadBalancerServices) {
        List<CreationStep> steps = new ArrayList<>(List.of(
                new GenerateCertificates(),
                new CreateNodes(),
                new ConfigureLoadBalancer(),
                new StartEtcd(),
                new JoinControlPlanes(),
                new StartControlPlane(),
                // kubelets start and register while the cluster objects go in
                new StartNodeAgents(),
                new ApplyClusterObjects(loadBalancerServices),
                new UseLocalRegistry(),
                new RegisterNodes(),
                new WaitForReady()));
        if (loadBalancerServices) {
            steps.add(new WaitForLoadBalancerServices());
        }
        steps.add(new ExportKubeconfig());
        steps.add(new RecordPlan());
        return List.copyOf(steps);
    }

    /** An api-only cluster's steps: one container with etcd, the API server and the controller-manager. */
    static final List<CreationStep> API_ONLY_STEPS = List.of(
            new GenerateCertificates(),
            new StartApiOnlyNode(),
            new AwaitApiOnlyReady(),
            new ExportKubeconfig());

    private final ClusterConfig config;
    private final NodeProvider provider;
    private String image;
    private String loadBalancerImage;
    private boolean retain;
    private boolean loadBalancerServices = true;
    private boolean apiOnly;
    private Duration waitForReady = Duration.ofMinutes(3);
    private CreationProgress progress = CreationProgress.SILENT;
    /** Whether {@link #preflight} ran: its checks of the host take 0.1-0.3 s, and a name taken since fails creation. */
    private boolean preflighted;

    private ClusterCreator(ClusterConfig config, NodeProvider provider) {
        this.config = Objects.requireNonNull(config, "config");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public static ClusterCreator forConfig(ClusterConfig config, NodeProvider provider) {
        return new ClusterCreator(config, provider);
    }

    /** The node image for nodes whose config names none. */
    public ClusterCreator withImage(String nodeImage) {
        this.image = nodeImage;
        return this;
    }

    /** The load balancer's image, required when the config has several control planes. */
    public ClusterCreator withLoadBalancerImage(String haproxyImage) {
        this.loadBalancerImage = haproxyImage;
        return this;
    }

    /** Keep the containers of a failed creation for debugging. */
    public ClusterCreator withRetain(boolean keep) {
        this.retain = keep;
        return this;
    }

    /** Whether Services of type LoadBalancer get addresses (MetalLB); default true. */
    public ClusterCreator withLoadBalancerServices(boolean enabled) {
        this.loadBalancerServices = enabled;
        return this;
    }

    /**
     * Makes an api-only cluster: one container running etcd, kube-apiserver and kube-controller-manager, without
     * systemd, kubelet, scheduler or DNS; for tests of operators and controllers. {@link ApiOnlyRequest} says what it
     * cannot have.
     */
    public ClusterCreator withApiOnly(boolean onlyTheApi) {
        this.apiOnly = onlyTheApi;
        return this;
    }

    /** How long to wait for nodes and DNS to be ready; zero returns once the control plane is up. */
    public ClusterCreator withWaitForReady(Duration timeout) {
        this.waitForReady = timeout;
        return this;
    }

    public ClusterCreator withProgress(CreationProgress listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Refuses, before anything is made, a cluster whose name is taken or that the host has no room for. {@link #create}
     * calls it unless it ran; callers that build images first call this before, so that a build is not wasted.
     *
     * @throws ClusterExistsException when the name is taken
     * @throws dev.kindj.internal.provision.node.UnknownNameException when the config names a local registry that does
     *         not exist
     * @throws dev.kindj.internal.provision.preflight.PreflightException naming everything the host is short of
     */
    public void preflight() {
        preflighted = true;
        if (apiOnly) {
            ApiOnlyRequest.check(config);
        }
        if (provider.listClusters().contains(config.name())) {
            throw new ClusterExistsException(config.name());
        }
        config.registry().filter(name -> provider.findRegistry(name).isEmpty()).ifPresent(name -> {
            throw UseLocalRegistry.unknown(name);
        });
        Preflight.require(Demand.forCluster(config), provider.host());
    }

    public CreatedCluster create() {
        Objects.requireNonNull(image, "a node image is required (withImage)");
        if (!preflighted) {
            preflight();
        }
        List<String> missing = ClusterPlanner.images(config, image).stream().filter(i -> !provider.hasImage(i)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("node image " + String.join(", ", missing) + " is not in the Docker engine"
                    + " and cannot be pulled; build it with `kindj build node-image` or name an existing one with --image");
        }
        if (ClusterPlanner.needsLoadBalancer(config)) {
            requireLoadBalancerImage();
        }
        // Created before the try: if this fails (say, a concurrent create of the same name won),
        // nothing of ours exists and nothing of theirs may be deleted.
        String subnet = provider.createNetwork(config.name());
        // Ctrl-C (or any JVM shutdown) mid-create must not leave half a cluster behind.
        Thread cleanupOnExit = new Thread(() -> provider.deleteCluster(config.name()), "kindj-create-cleanup");
        if (!retain) {
            Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        }
        try {
            ClusterPlan plan = ClusterPlanner.plan(config, subnet, image, loadBalancerImage);
            try (CreationContext context = new CreationContext(plan, plan.containers(), provider, waitForReady)) {
                StepRunner.run("creating cluster '" + config.name() + "'", steps(), context, progress);
                return new CreatedCluster(plan, context.exportedKubeconfig(), ExportKubeconfig.apiServerUrl(context));
            }
        } catch (RuntimeException e) {
            if (!retain) {
                provider.deleteCluster(config.name());
            }
            throw e;
        } finally {
            if (!retain) {
                removeHook(cleanupOnExit);
            }
        }
    }

    private List<CreationStep> steps() {
        if (apiOnly) {
            return API_ONLY_STEPS;
        }
        return steps(loadBalancerServices);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is already running: it finishes the cleanup
        }
    }

    private void requireLoadBalancerImage() {
        if (loadBalancerImage == null) {
            throw new IllegalArgumentException("cluster " + config.name() + " has " + config.controlPlanes().size()
                    + " control planes and so needs a load balancer image (withLoadBalancerImage)");
        }
        if (!provider.hasImage(loadBalancerImage)) {
            throw new IllegalArgumentException("load balancer image " + loadBalancerImage + " is not in the Docker engine"
                    + " and cannot be pulled; build it with `kindj build node-image`");
        }
    }
}
