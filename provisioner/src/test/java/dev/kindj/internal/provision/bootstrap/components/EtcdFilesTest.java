package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.bootstrap.components.ArgsFiles.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdFilesTest {

    private final ClusterPlan ha = TestPlans.plan(3, 1);
    private final List<PlannedNode> controlPlanes = ha.controlPlanes();

    @Test
    void newClusterHasKubeadmsFlagsAndOnlyItselfAsMember() {
        NodeFile file = EtcdFiles.newCluster(TestPlans.plan(1, 0).firstControlPlane(), Map.of());

        assertThat(file.path()).isEqualTo("/etc/kindj/args/etcd");
        assertThat(file.mode()).isEqualTo(NodeFile.PUBLIC);
        assertThat(flags(file)).containsExactly(
                entry("name", "demo-control-plane"),
                entry("data-dir", "/var/lib/etcd"),
                entry("listen-client-urls", "https://127.0.0.1:2379,https://172.28.5.10:2379"),
                entry("advertise-client-urls", "https://172.28.5.10:2379"),
                entry("listen-peer-urls", "https://172.28.5.10:2380"),
                entry("initial-advertise-peer-urls", "https://172.28.5.10:2380"),
                entry("listen-metrics-urls", "http://127.0.0.1:2381"),
                entry("initial-cluster", "demo-control-plane=https://172.28.5.10:2380"),
                entry("initial-cluster-state", "new"),
                entry("cert-file", "/etc/kubernetes/pki/etcd/server.crt"),
                entry("key-file", "/etc/kubernetes/pki/etcd/server.key"),
                entry("trusted-ca-file", "/etc/kubernetes/pki/etcd/ca.crt"),
                entry("client-cert-auth", "true"),
                entry("peer-cert-file", "/etc/kubernetes/pki/etcd/peer.crt"),
                entry("peer-key-file", "/etc/kubernetes/pki/etcd/peer.key"),
                entry("peer-trusted-ca-file", "/etc/kubernetes/pki/etcd/ca.crt"),
                entry("peer-client-cert-auth", "true"),
                entry("snapshot-count", "1000"),
                entry("experimental-snapshot-catchup-entries", "500"),
                entry("experimental-initial-corrupt-check", "true"),
                entry("experimental-watch-progress-notify-interval", "5s"));
    }

    @Test
    void loopbackOnlyMemberListensOnlyOnLoopbackOverHttpAndKeepsPatchesLast() {
        NodeFile file = EtcdFiles.loopbackOnly(TestPlans.plan(1, 0).firstControlPlane(), Map.of("quota-backend-bytes", "1"));

        assertThat(flags(file)).containsExactly(
                entry("name", "demo-control-plane"),
                entry("data-dir", "/var/lib/etcd"),
                entry("listen-client-urls", "http://127.0.0.1:2379"),
                entry("advertise-client-urls", "http://127.0.0.1:2379"),
                entry("listen-peer-urls", "http://127.0.0.1:2380"),
                entry("initial-advertise-peer-urls", "http://127.0.0.1:2380"),
                entry("listen-metrics-urls", "http://127.0.0.1:2381"),
                entry("initial-cluster", "demo-control-plane=http://127.0.0.1:2380"),
                entry("initial-cluster-state", "new"),
                entry("snapshot-count", "1000"),
                entry("experimental-snapshot-catchup-entries", "500"),
                entry("experimental-initial-corrupt-check", "true"),
                entry("experimental-watch-progress-notify-interval", "5s"),
                entry("quota-backend-bytes", "1"));
    }

    @Test
    void joiningMemberListsTheMembersSoFarAndItselfAsExisting() {
        NodeFile file = EtcdFiles.joining(controlPlanes.get(2), controlPlanes.subList(0, 2), Map.of());

        assertThat(flags(file))
                .containsEntry("name", "demo-control-plane3")
                .containsEntry("initial-cluster", "demo-control-plane=https://172.28.5.10:2380,"
                        + "demo-control-plane2=https://172.28.5.11:2380,"
                        + "demo-control-plane3=https://172.28.5.12:2380")
                .containsEntry("initial-cluster-state", "existing")
                .containsEntry("listen-client-urls", "https://127.0.0.1:2379,https://172.28.5.12:2379")
                .containsEntry("initial-advertise-peer-urls", "https://172.28.5.12:2380");
    }

    @Test
    void joiningNeedsMembersOtherThanItself() {
        PlannedNode second = controlPlanes.get(1);

        assertThatThrownBy(() -> EtcdFiles.joining(second, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without members");
        assertThatThrownBy(() -> EtcdFiles.joining(second, controlPlanes.subList(0, 2), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already a member");
    }

    @Test
    void peerUrlIsWhatEtcdctlMemberAddNeeds() {
        assertThat(EtcdFiles.peerUrl(controlPlanes.get(1))).isEqualTo("https://172.28.5.11:2380");
    }
}
