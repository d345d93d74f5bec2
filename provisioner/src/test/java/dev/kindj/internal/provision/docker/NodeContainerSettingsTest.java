package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.SELContext;
import dev.kindj.config.Mount;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeContainerSettingsTest {

    @Test
    void dnsSearchIsDockersUnlessTheConfigSetsItAndEmptyClearsIt() {
        assertThat(dnsSearch(null)).isNull();
        assertThat(dnsSearch(List.of("a.example", "b.example"))).containsExactly("a.example", "b.example");
        assertThat(dnsSearch(List.of())).containsExactly(".");
    }

    @Test
    void selinuxRelabelIsDockersPrivateLabel() {
        NodeSpec spec = new NodeSpec("n", "c", NodeRole.WORKER, "img", "172.28.5.10", List.of(),
                List.of(new Mount("/tmp/a", "/a", false, true, null), new Mount("/tmp/b", "/b", false, false, null)),
                Map.of());
        Bind[] binds = NodeContainerSettings.hostConfig(spec, "net", NodeContainerSettings.Rights.PRIVILEGED)
                .getBinds();

        // /lib/modules is bound too where the host has it
        assertThat(Arrays.stream(binds).filter(bind -> bind.getPath().startsWith("/tmp/")).map(Bind::getSecMode))
                .containsExactly(SELContext.single, SELContext.none);
    }

    @Test
    void theApiPathOutweighsWorkersForCpu() {
        assertThat(cpuShares(NodeRole.CONTROL_PLANE)).isEqualTo(NodeContainerSettings.API_PATH_CPU_SHARES);
        assertThat(cpuShares(NodeRole.WORKER)).isNull(); // Docker's default, 1024
        NodeSpec balancer = new NodeSpec("lb", "c", NodeRole.LOAD_BALANCER, "img", "172.28.5.2", List.of(), List.of(),
                Map.of());
        assertThat(NodeContainerSettings.loadBalancerHostConfig(balancer, "net").getCpuShares())
                .isEqualTo(NodeContainerSettings.API_PATH_CPU_SHARES);
        assertThat(NodeContainerSettings.API_PATH_CPU_SHARES).isGreaterThan(1024);
    }

    private static Integer cpuShares(NodeRole role) {
        NodeSpec spec = new NodeSpec("n", "c", role, "img", "172.28.5.10", List.of(), List.of(), Map.of());
        return NodeContainerSettings.hostConfig(spec, "net", NodeContainerSettings.Rights.EXPLICIT).getCpuShares();
    }

    private static String[] dnsSearch(List<String> domains) {
        NodeSpec spec = new NodeSpec("n", "c", NodeRole.WORKER, "img", "172.28.5.10", List.of(), List.of(), Map.of(),
                domains);
        return NodeContainerSettings.hostConfig(spec, "net", NodeContainerSettings.Rights.PRIVILEGED).getDnsSearch();
    }
}
