package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.KubeProxyMode;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.bootstrap.components.ComponentFiles;
import dev.kindj.internal.provision.bootstrap.context.LiveClusterPlan;
import dev.kindj.internal.provision.node.FakeNodeProvider;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import dev.kindj.internal.provision.node.UnknownNameException;
import dev.kindj.internal.provision.registry.LocalRegistry;
import dev.kindj.internal.provision.registry.RegistryFiles;
import java.time.Duration;
import dev.kindj.internal.provision.preflight.PreflightException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creation's step order and its cleanup after failures, against nodes in memory. */
class ClusterCreatorTest {

    private static final String IMAGE = "kindj/node:test";
    private static final String LB_IMAGE = "kindj/haproxy:test";
    private static final LocalRegistry REGISTRY = new LocalRegistry("team-registry", 5001, "running");

    private final FakeNodeProvider provider = new FakeNodeProvider().withImages(IMAGE, LB_IMAGE);
    private final RecordedProgress progress = new RecordedProgress();

    private ClusterCreator creator(int controlPlanes, int workers) {
        ClusterConfig config = ClusterConfig.builder().withName("demo")
                .withControlPlanes(controlPlanes).withWorkers(workers).build();
        return ClusterCreator.forConfig(config, provider).withImage(IMAGE).withLoadBalancerImage(LB_IMAGE)
                .withProgress(progress);
    }

    @Test
    void stepsRunInOrderAndThoseTheClusterDoesNotNeedAreSkipped() {
        CreatedCluster cluster = creator(1, 1).create();

        List<String> expected = List.of("Generating certificates", "Preparing nodes", "Starting etcd", "Starting control-plane", "Starting kubelets and pod network",
                "Installing cluster objects (RBAC, CoreDNS, MetalLB)", "Joining nodes", "Waiting for nodes and DNS to be ready",
                "Waiting for LoadBalancer Services to be ready",
                "Exporting kubeconfig", "Recording the cluster plan");
        assertThat(progress.started).containsExactlyElementsOf(expected);
        assertThat(progress.finished).containsExactlyElementsOf(expected);
        assertThat(progress.failed).isEmpty();
        // etcd and the API server start at the first control plane's boot, everything else once started
        assertThat(provider.file("demo-control-plane", ComponentFiles.argsPath("etcd"))).isPresent();
        assertThat(provider.file("demo-control-plane", ComponentFiles.argsPath("kube-apiserver"))).isPresent();
        assertThat(provider.calls("systemctl start etcd")).isEmpty();
        assertThat(provider.calls("systemctl start kube-controller-manager kube-scheduler")).containsExactly(
                "exec demo-control-plane: sh -c mv " + ComponentFiles.heldArgsPath("kube-controller-manager") + " "
                        + ComponentFiles.heldArgsPath("kube-scheduler") + " " + ComponentFiles.ARGS_DIR
                        + "/ && systemctl start kube-controller-manager kube-scheduler");
        assertThat(provider.file("demo-worker", ComponentFiles.argsPath("etcd"))).isEmpty();
        assertThat(provider.calls("member add")).isEmpty();
        // MetalLB and its address pool go in with the cluster objects, in one exec
        assertThat(provider.calls("metallb-pool.yaml")).filteredOn(call -> call.startsWith("exec "))
                .singleElement().asString().contains("cluster-objects.yaml", "metallb-crds.yaml", "condition=Established");
        assertThat(cluster.apiServerUrl()).startsWith("https://127.0.0.1:");
    }

    @Test
    void withoutLoadBalancerServicesNeitherMetalLbIsInstalledNorWaitedFor() {
        creator(1, 0).withLoadBalancerServices(false).create();

        assertThat(progress.started).contains("Installing cluster objects (RBAC, CoreDNS)")
                .doesNotContain("Waiting for LoadBalancer Services to be ready");
        assertThat(provider.calls("metallb")).isEmpty();
    }

    @Test
    void aNodeImageWithoutMetalLbIsRefusedWithTheWayOut() {
        provider.answer("test -f /kindj/metallb-crds.yaml", 1, "");

        assertThatThrownBy(() -> creator(1, 0).create())
                .hasMessageContaining("has no MetalLB").hasMessageContaining("--disable-load-balancer-services");
        assertThat(provider.listClusters()).isEmpty();
    }

    @Test
    void creationWaitsForCoreDnsUnlessNothingProxiesServicesForItAndThenForTheDefaultServiceAccount() {
        creator(1, 0).withWaitForReady(Duration.ofSeconds(5)).create();
        assertThat(provider.calls("rollout status deployment/coredns")).hasSize(1);
        assertThat(provider.calls("get serviceaccount default")).isEmpty();

        ClusterConfig withoutKubeProxy = ClusterConfig.builder().withName("bare").withControlPlanes(1)
                .withNetworking(Networking.defaults().withKubeProxyMode(KubeProxyMode.NONE)).build();
        ClusterCreator.forConfig(withoutKubeProxy, provider).withImage(IMAGE).withWaitForReady(Duration.ofSeconds(5))
                .create();
        assertThat(provider.calls("rollout status deployment/coredns")).as("calls after creating 'bare'").hasSize(1);
        assertThat(provider.calls("get serviceaccount default")).hasSize(1);
        assertThat(provider.calls("systemctl start kubelet kube-proxy")).hasSize(1);
    }

    @Test
    void aClusterWithSeveralControlPlanesAndARegistryRunsEveryStepButTheContainerdPatchesItHasNot() {
        provider.answer("member add", 0, "Member 8e9e05c52164694d added to cluster 1c4fe4d56ee6a3e5\n");
        provider.withRegistry(REGISTRY);
        ClusterConfig config = ClusterConfig.builder().withName("demo").withControlPlanes(3).withWorkers(1)
                .withRegistry(REGISTRY.name()).build();

        ClusterCreator.forConfig(config, provider).withImage(IMAGE).withLoadBalancerImage(LB_IMAGE)
                .withProgress(progress).create();

        assertThat(progress.started).containsExactlyElementsOf(ClusterCreator.steps(true).stream().map(step -> step.title())
                .toList());
        assertThat(provider.calls("member add")).hasSize(2);
        assertThat(provider.calls("createNode")).hasSize(5).contains("createNode demo-external-load-balancer");
    }

    @Test
    void everyNodeOfAClusterWithARegistryPullsLocalhostImagesFromItsContainer() {
        provider.withRegistry(REGISTRY);
        ClusterConfig config = ClusterConfig.builder().withName("demo").withControlPlanes(1).withWorkers(1)
                .withRegistry(REGISTRY.name()).build();

        CreatedCluster cluster = ClusterCreator.forConfig(config, provider).withImage(IMAGE).create();

        assertThat(provider.calls("connectRegistry")).containsExactly("connectRegistry team-registry demo");
        assertThat(List.of("demo-control-plane", "demo-worker")).allSatisfy(node ->
                assertThat(provider.file(node, "/etc/containerd/certs.d/localhost:5001/hosts.toml")).hasValueSatisfying(
                        toml -> assertThat(toml).contains("server = \"http://team-registry:5000\"",
                                "[host.\"http://team-registry:5000\"]")));
        assertThat(provider.file("demo-control-plane", RegistryFiles.MANIFEST)).hasValueSatisfying(yaml ->
                assertThat(yaml).contains("name: local-registry-hosting", "namespace: kube-public",
                        "host: \"localhost:5001\""));
        assertThat(provider.calls("apply --server-side -f " + RegistryFiles.MANIFEST)).hasSize(1);
        assertThat(LiveClusterPlan.read(provider, "demo").config().registry()).contains(REGISTRY.name());
        assertThat(cluster.plan().config().registry()).contains(REGISTRY.name());
    }

    @Test
    void anUnknownRegistryRefusesBeforeAnythingIsMade() {
        ClusterConfig config = ClusterConfig.builder().withName("demo").withRegistry("missing").build();

        assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(IMAGE).create())
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("no local registry named 'missing'; create it first with `kindj create registry --name"
                        + " missing` (kindj get registries lists those that exist)");

        assertThat(provider.calls()).noneMatch(call -> call.startsWith("createNetwork") || call.startsWith("createNode"));
    }

    @Test
    void eachNodeKeepsThePlanOfTheClusterCreated() {
        CreatedCluster cluster = creator(1, 2).create();

        assertThat(provider.listNodes("demo")).extracting(Node::name)
                .allSatisfy(node -> assertThat(provider.file(node, LiveClusterPlan.PATH)).isPresent());
        assertThat(LiveClusterPlan.read(provider, "demo")).isEqualTo(cluster.plan());
    }

    @Test
    void aFailingStepDeletesTheClusterAndNamesTheStep() {
        provider.answer("systemctl start kube-controller-manager", 1, "");

        assertThatThrownBy(() -> creator(1, 1).create())
                .isInstanceOf(ClusterCreationException.class)
                .hasMessageStartingWith("creating cluster 'demo' failed while starting control-plane: command sh -c mv")
                .hasMessageContaining("systemctl start kube-controller-manager kube-scheduler");

        assertThat(progress.failed).containsExactly("Starting control-plane");
        assertThat(progress.started).last().isEqualTo("Starting control-plane");
        assertThat(provider.calls("deleteCluster")).containsExactly("deleteCluster demo");
        assertThat(provider.listClusters()).isEmpty();
    }

    @Test
    void retainKeepsTheNodesOfAFailedCreation() {
        provider.answer("systemctl start kube-controller-manager", 1, "");

        assertThatThrownBy(() -> creator(1, 1).withRetain(true).create()).isInstanceOf(ClusterCreationException.class);

        assertThat(provider.calls("deleteCluster")).isEmpty();
        assertThat(provider.listNodes("demo")).extracting(Node::name)
                .containsExactly("demo-control-plane", "demo-worker");
    }

    @Test
    void aFailureBeforeTheNetworkExistsDeletesNothingOfAnotherCreationOfTheSameName() {
        // Another creation of "demo" wins the race between the existence check and the network.
        provider.failOnce("createNetwork demo", () -> {
            provider.createNetwork("demo");
            provider.createNode(new NodeSpec("demo-control-plane", "demo", NodeRole.CONTROL_PLANE, IMAGE,
                    "172.28.9.10", List.of(), List.of(), Map.of()));
            return new IllegalStateException("network kindj-demo exists");
        });

        assertThatThrownBy(() -> creator(1, 0).create()).hasMessage("network kindj-demo exists");

        assertThat(provider.calls("deleteCluster")).isEmpty();
        assertThat(provider.listNodes("demo")).extracting(Node::name).containsExactly("demo-control-plane");
        assertThat(progress.started).isEmpty();
    }

    @Test
    void aHostWithoutRoomRefusesBeforeAnythingIsMade() {
        provider.host().withInotify(128, 120).withPortInUse(16443);
        ClusterConfig config = ClusterConfig.builder().withName("demo").withControlPlanes(1).withWorkers(1)
                .withNetworking(Networking.defaults().withApiServerPort(16443)).build();

        assertThatThrownBy(() -> ClusterCreator.forConfig(config, provider).withImage(IMAGE).create())
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("1 control plane and 1 worker need 16").hasMessageContaining("short by 8")
                .hasMessageContaining("127.0.0.1:16443/tcp (networking.apiServerPort)");

        assertThat(provider.calls()).noneMatch(call -> call.startsWith("createNetwork") || call.startsWith("createNode"));
        assertThat(progress.started).isEmpty();
    }
}
