package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.bootstrap.components.ComponentFiles;
import dev.kindj.internal.provision.bootstrap.components.EtcdFiles;
import dev.kindj.internal.provision.bootstrap.components.LoadBalancerFiles;
import dev.kindj.internal.provision.bootstrap.components.PodNetworkFiles;
import dev.kindj.internal.provision.bootstrap.context.LiveClusterPlan;
import dev.kindj.internal.provision.node.FakeNodeProvider;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joining and removing nodes with creation's own steps, against a 1+1 and a 3-control-plane cluster in memory. */
class LiveNodesTest {

    private static final String IMAGE = "kindj/node:test";
    private static final String CONTROL_PLANE = "demo-control-plane";
    private static final String WORKER = "demo-worker";
    private static final String ADDED = "demo-worker2";
    private static final String ADDED_PODS = "10.244.2.0/24";

    private final FakeNodeProvider provider = new FakeNodeProvider().withImages(IMAGE, "kindj/haproxy:test");
    private final RecordedProgress progress = new RecordedProgress();
    private int callsBefore;

    @BeforeEach
    void createCluster() {
        ClusterCreator.forConfig(ClusterConfig.builder().withName("demo").withControlPlanes(1).withWorkers(1).build(),
                provider).withImage(IMAGE).create();
        callsBefore = provider.calls().size();
    }

    private List<String> callsSinceCreation(String part) {
        return provider.calls().subList(callsBefore, provider.calls().size()).stream()
                .filter(call -> call.contains(part)).toList();
    }

    @Test
    void joiningAWorkerRunsTheJoinStepsInOrderOnTheNewNodeAlone() {
        String added = LiveNodes.add(provider, "demo", NodeRole.WORKER, Optional.empty(), progress);

        assertThat(added).isEqualTo(ADDED);
        List<String> expected = List.of("Issuing the new nodes' certificates", "Preparing nodes", "Routing the other nodes to the new pod ranges", "Starting kubelets and pod network", "Joining nodes",
                "Waiting for nodes and DNS to be ready", "Recording the cluster plan");
        assertThat(progress.started).containsExactlyElementsOf(expected);
        assertThat(progress.finished).containsExactlyElementsOf(expected);
        assertThat(callsSinceCreation("createNode")).containsExactly("createNode " + ADDED);
        assertThat(callsSinceCreation("systemctl start kubelet")).containsExactly("exec " + ADDED
                + ": sh -c systemctl enable --now " + PodNetworkFiles.UNIT + " && mv " + ComponentFiles.heldArgsPath("kubelet")
                + " " + ComponentFiles.heldArgsPath("kube-proxy") + " " + ComponentFiles.ARGS_DIR
                + "/ && systemctl start kubelet kube-proxy");
        // written before its start, the kubelet's arguments held back until then
        assertThat(provider.file(ADDED, PkiPaths.KUBELET_KUBECONFIG)).isPresent();
        assertThat(provider.file(ADDED, ComponentFiles.heldArgsPath("kubelet"))).isPresent();
        assertThat(callsSinceCreation("systemctl restart " + PodNetworkFiles.UNIT)).containsExactlyInAnyOrder(
                "exec " + CONTROL_PLANE + ": systemctl restart " + PodNetworkFiles.UNIT,
                "exec " + WORKER + ": systemctl restart " + PodNetworkFiles.UNIT);
        assertThat(callsSinceCreation("kubectl")).noneMatch(call -> call.contains("coredns"))
                .anyMatch(call -> call.contains("wait --for=condition=Ready --timeout=5s node/" + ADDED));
        for (String node : List.of(CONTROL_PLANE, WORKER)) {
            assertThat(provider.file(node, PodNetworkFiles.SCRIPT_PATH)).as("pod routes on %s", node)
                    .hasValueSatisfying(script -> assertThat(script).contains("ip route replace " + ADDED_PODS + " via "));
        }
        assertThat(LiveClusterPlan.read(provider, "demo").nodes()).extracting(PlannedNode::name)
                .containsExactly(CONTROL_PLANE, WORKER, ADDED);
        assertThat(provider.file(WORKER, LiveClusterPlan.PATH)).hasValueSatisfying(plan -> assertThat(plan).contains(ADDED));
    }

    @Test
    void aJoinThatFailsRightAfterItsContainerExistsRemovesTheContainer() {
        provider.failOnce("createNode " + ADDED);

        assertThatThrownBy(() -> LiveNodes.add(provider, "demo", NodeRole.WORKER, Optional.empty(), progress))
                .isInstanceOf(ClusterCreationException.class)
                .hasMessageStartingWith("adding node '" + ADDED + "' to cluster 'demo' failed while preparing nodes");

        assertThat(progress.failed).containsExactly("Preparing nodes");
        assertThat(provider.listNodes("demo")).extracting(Node::name).containsExactly(CONTROL_PLANE, WORKER);
        assertThat(callsSinceCreation("removeNode")).containsExactly("removeNode " + ADDED);
        assertThat(callsSinceCreation("delete node " + ADDED)).hasSize(1);
        assertThat(LiveClusterPlan.read(provider, "demo").nodes()).hasSize(2);
    }

    @Test
    void aJoinThatFailsLaterTakesBackItsNodeObjectAndTheRoutesToIt() {
        provider.answer(ADDED + ": sh -c systemctl enable --now " + PodNetworkFiles.UNIT, 1, "");

        assertThatThrownBy(() -> LiveNodes.add(provider, "demo", NodeRole.WORKER, Optional.empty(), progress))
                .isInstanceOf(ClusterCreationException.class)
                .hasMessageContaining("failed while starting kubelets and pod network");

        assertThat(provider.listNodes("demo")).extracting(Node::name).containsExactly(CONTROL_PLANE, WORKER);
        assertThat(callsSinceCreation("delete node " + ADDED)).singleElement().asString()
                .startsWith("exec " + CONTROL_PLANE + ": kubectl --kubeconfig=" + PkiPaths.ADMIN_KUBECONFIG);
        assertThat(callsSinceCreation("ip route del " + ADDED_PODS)).hasSize(2);
        for (String node : List.of(CONTROL_PLANE, WORKER)) {
            assertThat(provider.file(node, PodNetworkFiles.SCRIPT_PATH)).as("pod routes on %s", node)
                    .hasValueSatisfying(script -> assertThat(script).doesNotContain(ADDED_PODS));
        }
        assertThat(LiveClusterPlan.read(provider, "demo").nodes()).extracting(PlannedNode::name)
                .containsExactly(CONTROL_PLANE, WORKER);
    }

    @Test
    void removingAWorkerTakesItOutOfThePlanAndTheOtherNodesRoutes() {
        LiveNodes.addWorker(provider, "demo", Optional.empty());

        LiveNodes.remove(provider, "demo", ADDED);

        assertThat(provider.listNodes("demo")).extracting(Node::name).containsExactly(CONTROL_PLANE, WORKER);
        assertThat(provider.calls("drain " + ADDED)).hasSize(1);
        assertThat(provider.calls("delete node " + ADDED)).hasSize(1);
        assertThat(provider.file(WORKER, PodNetworkFiles.SCRIPT_PATH))
                .hasValueSatisfying(script -> assertThat(script).doesNotContain(ADDED_PODS));
        assertThat(LiveClusterPlan.read(provider, "demo").nodes()).extracting(PlannedNode::name)
                .containsExactly(CONTROL_PLANE, WORKER);
    }

    @Test
    void aHostWithoutRoomForAnotherWorkerRefusesBeforeAnythingIsMade() {
        provider.host().withInotify(128, 121);

        assertThatThrownBy(() -> LiveNodes.add(provider, "demo", NodeRole.WORKER, Optional.empty(), progress))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("cannot add a worker to cluster 'demo'; nothing was created")
                .hasMessageContaining("1 worker needs 8").hasMessageContaining("short by 1");

        assertThat(callsSinceCreation("createNode")).isEmpty();
        assertThat(callsSinceCreation("copyIn")).isEmpty();
        assertThat(progress.started).isEmpty();
    }

    @Test
    void aControlPlaneCannotJoinAClusterWithoutALoadBalancer() {
        assertThatThrownBy(() -> LiveNodes.addControlPlane(provider, "demo", Optional.empty()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cluster demo has one control plane and no load balancer");
        assertThat(callsSinceCreation("createNode")).isEmpty();
    }

    @Test
    void aNewControlPlaneTakesThePlaceOfOneWhoseContainerIsGone() {
        provider.answer("member add", 0, "Member 8e9e05c52164694d added to cluster 1c4fe4d56ee6a3e5\n");
        ClusterCreator.forConfig(ClusterConfig.builder().withName("ha").withControlPlanes(3).build(), provider)
                .withImage(IMAGE).withLoadBalancerImage("kindj/haproxy:test").create();
        ClusterPlan before = LiveClusterPlan.read(provider, "ha");
        PlannedNode lost = before.firstControlPlane();
        provider.answer("member list", 0, "8e9e05c52164694d, started, " + lost.name() + ", " + EtcdFiles.peerUrl(lost)
                + ", https://" + lost.ip() + ":2379, false\n");
        provider.removeNode(lost.name());
        int callsBeforeJoin = provider.calls().size();

        String added = LiveNodes.add(provider, "ha", NodeRole.CONTROL_PLANE, Optional.empty(), progress);

        assertThat(added).isEqualTo(lost.name());
        List<String> calls = provider.calls().subList(callsBeforeJoin, provider.calls().size());
        int removed = indexOf(calls, "member remove 8e9e05c52164694d");
        assertThat(removed).as("the lost member removed, before the new one is added").isNotNegative()
                .isLessThan(indexOf(calls, "member add " + added));
        assertThat(calls).anyMatch(call -> call.contains("delete node " + added + " --ignore-not-found"));
        assertThat(indexOf(calls, "member add " + added)).isLessThan(indexOf(calls, "systemctl start etcd"));
        assertThat(indexOf(calls, "systemctl start etcd")).isPositive()
                .isLessThan(indexOf(calls, "exec " + added + ": sh -c mv " + ComponentFiles.heldArgsPath("kube-apiserver")));
        assertThat(indexOf(calls, "openssl s_client")).as("the API server's readiness, before the components that use it")
                .isNotNegative().isLessThan(indexOf(calls, "systemctl start kube-controller-manager kube-scheduler"));
        assertThat(provider.file(added, PkiPaths.certificate(PkiPaths.ETCD_PEER))).isPresent();
        ClusterPlan after = LiveClusterPlan.read(provider, "ha");
        assertThat(after.controlPlanes()).extracting(PlannedNode::name)
                .containsExactly("ha-control-plane2", "ha-control-plane3", added);
        assertThat(after.node(added).ip()).isEqualTo(lost.ip());
        assertThat(provider.file("ha-external-load-balancer", LoadBalancerFiles.CONFIG_PATH)).hasValueSatisfying(
                config -> assertThat(config.lines().filter(line -> line.startsWith("  server "))).hasSize(3));
    }

    @Test
    void removingAControlPlaneWhoseContainerIsGoneCleansEtcdTheNodeAndTheLoadBalancer() {
        provider.answer("member add", 0, "Member 8e9e05c52164694d added to cluster 1c4fe4d56ee6a3e5\n");
        ClusterCreator.forConfig(ClusterConfig.builder().withName("ha").withControlPlanes(3).build(), provider)
                .withImage(IMAGE).withLoadBalancerImage("kindj/haproxy:test").create();
        PlannedNode lost = LiveClusterPlan.read(provider, "ha").node("ha-control-plane2");
        provider.answer("member list", 0, "5a1b, started, " + lost.name() + ", " + EtcdFiles.peerUrl(lost) + ", x, false\n");
        provider.removeNode(lost.name());

        LiveNodes.remove(provider, "ha", lost.name());

        assertThat(provider.calls("member remove 5a1b")).hasSize(1);
        assertThat(provider.calls("delete node " + lost.name())).hasSize(1);
        assertThat(provider.calls("drain")).isEmpty();
        assertThat(provider.file("ha-external-load-balancer", LoadBalancerFiles.CONFIG_PATH)).hasValueSatisfying(
                config -> assertThat(config).doesNotContain(lost.name()).contains("ha-control-plane3"));
        assertThat(LiveClusterPlan.read(provider, "ha").nodes()).extracting(PlannedNode::name)
                .containsExactly("ha-control-plane", "ha-control-plane3");
        assertThatThrownBy(() -> LiveNodes.remove(provider, "ha", "ha-external-load-balancer"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("load balancer");
    }

    private static int indexOf(List<String> calls, String part) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
