package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class CapabilityCheckTest {

    @Test
    void capabilitiesNodesDoWithoutAreNamedButPass() {
        CheckResult result = new CapabilityCheck().check(Demands.nodes(1, 0),
                new FakeHostReadings().withUngrantable("SYS_RESOURCE"));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.detail()).contains("not SYS_RESOURCE");
    }

    @Test
    void anEngineThatCannotGrantWhatNodesNeedIsRefused() {
        CheckResult result = new CapabilityCheck().check(Demands.nodes(1, 0),
                new FakeHostReadings().withUngrantable("SYS_RESOURCE", "NET_ADMIN", "SYS_ADMIN"));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).startsWith("the engine cannot grant SYS_ADMIN, NET_ADMIN (2 of the 16 nodes need)");
        assertThat(result.fix()).contains("bounding set");
    }

    @Test
    void aRemoteEnginesCapabilitiesAreNotChecked() {
        assertThat(new CapabilityCheck().check(Demands.nodes(1, 0), new FakeHostReadings().remote("remote engine"))
                .status()).isEqualTo(Status.WARN);
    }
}
