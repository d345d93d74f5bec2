package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class SubnetCheckTest {

    private static final Demand CHOSEN_SUBNETS = Demands.cluster("""
            networking:
              podSubnet: 10.40.0.0/16
              serviceSubnet: 10.50.0.0/16
            """);

    private final FakeHostReadings host = new FakeHostReadings().withTaken("Docker network bridge", "172.17.0.0/16");

    @Test
    void aChosenSubnetOverlappingARouteOrANetworkIsRefused() {
        host.withTaken("host route via tun0", "10.40.8.0/22").withTaken("Docker network other", "10.0.0.0/8");

        CheckResult result = new SubnetCheck().check(CHOSEN_SUBNETS, host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).isEqualTo("networking.podSubnet 10.40.0.0/16 overlaps host route via tun0 10.40.8.0/22;"
                + " networking.podSubnet 10.40.0.0/16 overlaps Docker network other 10.0.0.0/8;"
                + " networking.serviceSubnet 10.50.0.0/16 overlaps Docker network other 10.0.0.0/8");
        assertThat(result.fix()).contains("choose subnets");
    }

    @Test
    void chosenSubnetsThatOverlapNothingAreOk() {
        CheckResult result = new SubnetCheck().check(CHOSEN_SUBNETS, host);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.detail()).contains("the cluster network gets 172.28.0.0/24")
                .contains("networking.podSubnet 10.40.0.0/16 is free");
    }

    @Test
    void kindsDefaultSubnetsAreNotTheUsersChoiceAndAreNotChecked() {
        host.withTaken("host route via eth0", "10.0.0.0/8");

        assertThat(new SubnetCheck().check(Demands.nodes(1, 0), host).status()).isEqualTo(Status.OK);
    }

    @Test
    void aPoolWithNoFreeSlashTwentyFourIsRefused() {
        host.withNoSubnetLeft();

        CheckResult result = new SubnetCheck().check(Demands.nodes(1, 0), host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).contains("no /24 is left for the cluster network");
    }

    @Test
    void aJoiningWorkerNeedsNoSubnet() {
        host.withNoSubnetLeft();

        assertThat(new SubnetCheck().check(Demand.forWorker("demo"), host).status()).isEqualTo(Status.OK);
    }
}
