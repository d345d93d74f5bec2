package dev.kindj.internal.provision.bootstrap.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadBalancerFilesTest {

    @Test
    void sendsPort6443ToEveryControlPlaneWhoseReadyzAnswers() {
        ClusterPlan plan = TestPlans.plan(3, 2);

        NodeFile config = LoadBalancerFiles.config(plan);

        assertThat(config.path()).isEqualTo("/etc/haproxy/haproxy.cfg");
        assertThat(config.mode()).isEqualTo(NodeFile.PUBLIC);
        String text = new String(config.content(), StandardCharsets.UTF_8);
        assertThat(text.lines().map(String::strip)).contains(
                "mode tcp",
                "bind *:6443",
                "option httpchk GET /readyz",
                "http-check expect status 200");
        assertThat(text.lines().map(String::strip).filter(line -> line.startsWith("server "))).containsExactly(
                "server demo-control-plane 172.28.5.10:6443",
                "server demo-control-plane2 172.28.5.11:6443",
                "server demo-control-plane3 172.28.5.12:6443");
        assertThat(text).containsPattern("(?m)^  default-server check check-ssl verify none inter 1s fall 3 rise 1 ");
    }
}
