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

    private static String[] dnsSearch(List<String> domains) {
        NodeSpec spec = new NodeSpec("n", "c", NodeRole.WORKER, "img", "172.28.5.10", List.of(), List.of(), Map.of(),
                domains);
        return NodeContainerSettings.hostConfig(spec, "net", NodeContainerSettings.Rights.PRIVILEGED).getDnsSearch();
    }
}
