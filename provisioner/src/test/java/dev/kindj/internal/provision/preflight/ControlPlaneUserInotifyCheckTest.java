package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.plan.ControlPlaneUser;
import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class ControlPlaneUserInotifyCheckTest {

    private static final int DEMO_UID = ControlPlaneUser.forCluster("demo");

    private final FakeHostReadings host = new FakeHostReadings();

    @Test
    void theMeasuredNumberIsTheApiServersAndTheLeadingControllerManagers() {
        assertThat(NodeInotifyUse.CONTROL_PLANE_USER).isEqualTo(12);
    }

    @Test
    void controlPlanesAreCountedAgainstTheirClustersOwnUser() {
        host.withInotify(128, 127).withInotifyOf(DEMO_UID, 128, 10);

        CheckResult result = new ControlPlaneUserInotifyCheck().check(Demands.nodes(3, 0), host);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.detail()).isEqualTo("10 of uid " + DEMO_UID + "'s 128 in use, 118 free; 3 control planes"
                + " need 36 (12 each)");
    }

    @Test
    void moreControlPlanesThanTheUsersBudgetHoldsAreRefusedWithTheMostThatFit() {
        CheckResult result = new ControlPlaneUserInotifyCheck().check(Demands.nodes(11, 0), host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).contains("11 control planes need 132 (12 each): short by 4");
        assertThat(result.fix()).contains("at most 10 control planes").contains("uid " + DEMO_UID);
    }

    @Test
    void aControlPlaneJoiningCountsWhatTheClustersOthersHold() {
        host.withInotifyOf(DEMO_UID, 128, 120);

        CheckResult result = new ControlPlaneUserInotifyCheck().check(Demand.forControlPlane("demo"), host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).contains("1 control plane needs 12").contains("short by 4");
    }

    @Test
    void aWorkerNeedsNothingOfTheUser() {
        host.withInotifyOf(DEMO_UID, 128, 128);

        assertThat(new ControlPlaneUserInotifyCheck().check(Demand.forWorker("demo"), host).status())
                .isEqualTo(Status.OK);
    }

    @Test
    void aBudgetThatCannotBeReadIsSkipped() {
        host.remote("remote engine");

        assertThat(new ControlPlaneUserInotifyCheck().check(Demands.nodes(1, 0), host).detail())
                .isEqualTo("not checked: remote engine");
    }
}
