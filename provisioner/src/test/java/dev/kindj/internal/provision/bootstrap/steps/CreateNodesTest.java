package dev.kindj.internal.provision.bootstrap.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.NodeConfig;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.internal.provision.node.FakeNodeProvider;
import dev.kindj.internal.provision.node.NodeSpec;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.ClusterPlanner;
import org.junit.jupiter.api.Test;

class CreateNodesTest {

    @Test
    void randomHostPortsAreChosenAtCreationSoTheySurviveRestarts() {
        ClusterConfig config = ClusterConfig.builder().withName("demo")
                .withNode(NodeConfig.controlPlane()
                        .withExtraPortMapping(new PortMapping(53, 0, "127.0.0.1", PortProtocol.UDP))
                        .withExtraPortMapping(new PortMapping(80, 8080, null, null)))
                .build();
        ClusterPlan plan = ClusterPlanner.plan(config, "172.28.5.0/24", "img", "lb-img");

        NodeSpec spec = CreateNodes.spec(plan, plan.firstControlPlane(), new FakeNodeProvider());

        assertThat(spec.ports()).allSatisfy(port -> assertThat(port.hostPort()).isPositive());
        assertThat(spec.ports()).filteredOn(port -> port.containerPort() == ClusterPlan.API_SERVER_PORT)
                .singleElement().satisfies(api -> assertThat(api.listenAddress()).isEqualTo("127.0.0.1"));
        assertThat(spec.ports()).filteredOn(port -> port.containerPort() == 53).singleElement()
                .satisfies(dns -> assertThat(dns.protocol()).isEqualTo(PortProtocol.UDP));
        assertThat(spec.ports()).contains(new PortMapping(80, 8080, null, null));
    }

    @Test
    void onARemoteEngineLoopbackPortsArePublishedOnTheEnginesAddress() {
        ClusterConfig config = ClusterConfig.builder().withName("demo")
                .withNode(NodeConfig.controlPlane()
                        .withExtraPortMapping(new PortMapping(80, 8080, "127.0.0.1", null))
                        .withExtraPortMapping(new PortMapping(81, 8081, null, null)))
                .build();
        ClusterPlan plan = ClusterPlanner.plan(config, "172.28.5.0/24", "img", "lb-img");

        NodeSpec spec = CreateNodes.spec(plan, plan.firstControlPlane(),
                new FakeNodeProvider().withEngineAddress("198.18.75.2"));

        assertThat(spec.ports()).filteredOn(port -> port.containerPort() == ClusterPlan.API_SERVER_PORT)
                .singleElement().satisfies(api -> assertThat(api.listenAddress()).isEqualTo("198.18.75.2"));
        assertThat(spec.ports()).contains(new PortMapping(80, 8080, "198.18.75.2", null),
                new PortMapping(81, 8081, "0.0.0.0", null));
    }
}
