package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
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

    private static String[] dnsSearch(List<String> domains) {
        NodeSpec spec = new NodeSpec("n", "c", NodeRole.WORKER, "img", "172.28.5.10", List.of(), List.of(), Map.of(),
                domains);
        return NodeContainerSettings.hostConfig(spec, "net", NodeContainerSettings.Rights.PRIVILEGED).getDnsSearch();
    }
}
