package dev.kindj.internal.provision.bootstrap.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlPlaneUnitsTest {

    private final ClusterPlan plan = TestPlans.plan(1, 1);

    @Test
    void eachControlPlaneUnitRunsAsTheClustersUserWithGoGcAt50AndEtcdGetsItsDataDirectory() {
        Map<String, String> dropIns = ControlPlaneUnits.dropIns(plan).stream()
                .collect(Collectors.toMap(NodeFile::path, file -> new String(file.content(), StandardCharsets.UTF_8)));
        String user = "User=" + plan.controlPlaneUid() + "\nGroup=" + plan.controlPlaneUid()
                + "\nEnvironment=GOGC=50\n";

        assertThat(dropIns).containsOnlyKeys(
                "/etc/systemd/system/etcd.service.d/kindj-user.conf",
                "/etc/systemd/system/kube-apiserver.service.d/kindj-user.conf",
                "/etc/systemd/system/kube-controller-manager.service.d/kindj-user.conf",
                "/etc/systemd/system/kube-scheduler.service.d/kindj-user.conf");
        assertThat(dropIns.values()).allSatisfy(text -> assertThat(text).contains("[Service]\n" + user));
        assertThat(dropIns.get("/etc/systemd/system/etcd.service.d/kindj-user.conf"))
                .contains("StateDirectory=etcd\nStateDirectoryMode=0700\n");
    }

    @Test
    void theControlPlanesKeysAndKubeconfigsBelongToTheUserAndTheKubeletsAndAdminsToRoot() {
        List<NodeFile> files = List.of(
                NodeFile.text("/etc/kubernetes/pki/ca.key", "k", NodeFile.PRIVATE),
                NodeFile.text("/etc/kubernetes/pki/etcd/server.key", "k", NodeFile.PRIVATE),
                NodeFile.text("/etc/kubernetes/controller-manager.conf", "c", NodeFile.PRIVATE),
                NodeFile.text("/etc/kubernetes/scheduler.conf", "c", NodeFile.PRIVATE),
                NodeFile.text("/etc/kubernetes/admin.conf", "c", NodeFile.PRIVATE),
                NodeFile.text("/etc/kubernetes/kubelet.conf", "c", NodeFile.PRIVATE),
                NodeFile.text("/var/lib/kubelet/pki/kubelet.key", "k", NodeFile.PRIVATE));

        Map<String, Integer> owners = ControlPlaneUnits.owned(plan, files).stream()
                .collect(Collectors.toMap(NodeFile::path, NodeFile::owner));

        int uid = plan.controlPlaneUid();
        assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/etc/kubernetes/pki/ca.key", uid,
                "/etc/kubernetes/pki/etcd/server.key", uid,
                "/etc/kubernetes/controller-manager.conf", uid,
                "/etc/kubernetes/scheduler.conf", uid,
                "/etc/kubernetes/admin.conf", 0,
                "/etc/kubernetes/kubelet.conf", 0,
                "/var/lib/kubelet/pki/kubelet.key", 0));
    }
}
