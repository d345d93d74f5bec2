package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class InotifyCheckTest {

    private final FakeHostReadings host = new FakeHostReadings();

    @Test
    void theMeasuredNumbersAreRootsInstancesPerNodeKind() {
        assertThat(NodeInotifyUse.CONTROL_PLANE).isEqualTo(8);
        assertThat(NodeInotifyUse.WORKER).isEqualTo(8);
        assertThat(NodeInotifyUse.of(Demands.nodes(3, 2))).isEqualTo(3 * 8 + 2 * 8);
    }

    @Test
    void oneControlPlaneAndFifteenWorkersFitInTheDefaultLimit() {
        assertThat(NodeInotifyUse.of(Demands.nodes(1, 15))).isLessThanOrEqualTo(128);
    }

    @Test
    void aKubeProxyGivenAConfigFileByAPatchCountsItsWatch() {
        Demand demand = Demands.cluster("""
                nodes:
                - role: control-plane
                - role: worker
                kubeadmConfigPatches:
                - |
                  kind: KubeProxyConfiguration
                  conntrack:
                    tcpCloseWaitTimeout: 30s
                """);

        assertThat(demand.kubeProxyConfigFiles()).isEqualTo(2);
        assertThat(NodeInotifyUse.of(demand)).isEqualTo(8 + 8 + 2);
    }

    @Test
    void nodesThatNeedMoreThanIsFreeAreRefusedWithTheShortfallAndTheFix() {
        host.withInotify(128, 114);

        CheckResult result = new InotifyCheck().check(Demands.nodes(1, 1), host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).contains("114 of root's 128 in use (fs.inotify.max_user_instances), 14 free")
                .contains("1 control plane and 1 worker need 16").contains("short by 2");
        assertThat(result.fix()).contains("kindj delete cluster").contains("8 per control plane, 8 per worker")
                .contains("host's owner").contains("kindj never changes it");
    }

    @Test
    void exactlyEnoughFitsButWarnsThatNothingIsLeftForAnotherControlPlane() {
        host.withInotify(128, 128 - 16);

        CheckResult result = new InotifyCheck().check(Demands.nodes(1, 1), host);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.detail()).contains("afterwards 0 are left");
    }

    @Test
    void roomForMoreIsOk() {
        host.withInotify(128, 10);

        CheckResult result = new InotifyCheck().check(Demands.nodes(1, 0), host);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.detail()).contains("10 of root's 128 in use").contains("118 free")
                .contains("1 control plane needs 8");
    }

    @Test
    void aBudgetThatCannotBeReadIsSkippedNotGuessed() {
        host.remote("the Docker engine at tcp://build-host:2376 is not reached through a local socket");

        CheckResult result = new InotifyCheck().check(Demands.nodes(10, 10), host);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.detail()).isEqualTo("not checked: the Docker engine at tcp://build-host:2376 is not reached"
                + " through a local socket");
    }

    @Test
    void aWorkerJoiningNeedsAWorkersShare() {
        host.withInotify(128, 128 - 7);

        CheckResult result = new InotifyCheck().check(Demand.forWorker("demo"), host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).contains("1 worker needs 8").contains("short by 1");
    }
}
