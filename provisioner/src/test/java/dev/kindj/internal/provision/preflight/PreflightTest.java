package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.InvalidRequestException;
import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class PreflightTest {

    @Test
    void everyFailureIsReportedTogetherAsAnInvalidRequest() {
        FakeHostReadings host = new FakeHostReadings().withInotify(128, 121).withFreeBytes(0).withPortInUse(16443);
        Demand demand = Demands.cluster("name: demo\nnetworking:\n  apiServerPort: 16443\n");

        assertThatThrownBy(() -> Preflight.require(demand, host))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("cannot create cluster 'demo'; nothing was created:\n  - inotify instances: ")
                .hasMessageContaining("\n  - host ports: 1 of 1 fixed host port already in use")
                .hasMessageContaining("\n  - disk space: 0.0 GiB free")
                .hasMessageContaining("\n    Fix: delete clusters you no longer use")
                .hasMessageNotContaining("Docker engine:");
    }

    @Test
    void aRoomyHostPassesAndWhatCouldNotBeCheckedDoesNotBlock() {
        FakeHostReadings host = new FakeHostReadings().remote("remote engine");

        Preflight.require(Demands.nodes(3, 10), host);

        PreflightReport report = Preflight.run(Demands.nodes(3, 10), host);
        assertThat(report.failures()).isEmpty();
        assertThat(report.results()).extracting(CheckResult::check).containsExactly("Docker engine", "capabilities",
                "inotify instances", "control-plane user's inotify instances", "host ports", "subnets", "disk space");
        assertThat(report.moreControlPlanes()).isEmpty();
    }

    @Test
    void aCheckThatThrowsIsReportedAsNotCheckedRatherThanBlocking() {
        FakeHostReadings host = new FakeHostReadings() {
            @Override
            public Reading<Long> freeBytes() {
                throw new IllegalStateException("store vanished");
            }
        };

        PreflightReport report = Preflight.run(Demands.nodes(1, 0), host);

        assertThat(report.results()).filteredOn(result -> result.check().equals("disk space")).singleElement()
                .satisfies(result -> {
                    assertThat(result.status()).isEqualTo(Status.WARN);
                    assertThat(result.detail()).contains("store vanished");
                });
    }

    @Test
    void whatFitsIsTheFreeBudgetInWholeNodes() {
        PreflightReport report = Preflight.run(Demands.nodes(1, 0), new FakeHostReadings().withInotify(128, 37));

        assertThat(report.moreControlPlanes()).hasValue(91 / 8);
        assertThat(report.moreWorkers()).hasValue(91 / 8);
    }
}
