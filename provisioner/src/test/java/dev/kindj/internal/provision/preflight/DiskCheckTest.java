package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class DiskCheckTest {

    private final FakeHostReadings host = new FakeHostReadings();

    @Test
    void lessThanTheNodesNeedIsRefusedWithTheShortfall() {
        host.withFreeBytes(DiskCheck.NODE_BYTES * 3 / 2);

        CheckResult result = new DiskCheck().check(Demands.nodes(1, 2), host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).isEqualTo("1.5 GiB free under /var/lib/docker; 1 control plane and 2 workers need"
                + " 3.0 GiB (1.0 GiB per node): short by 1.5 GiB");
        assertThat(result.fix()).contains("docker system prune");
    }

    @Test
    void enoughIsOk() {
        host.withFreeBytes(DiskCheck.NODE_BYTES);

        assertThat(new DiskCheck().check(Demand.forWorker("demo"), host).status()).isEqualTo(Status.OK);
    }

    @Test
    void aRemoteEnginesDiskIsNotChecked() {
        host.withFreeBytes(0).remote("remote engine");

        assertThat(new DiskCheck().check(Demands.nodes(1, 0), host).detail()).isEqualTo("not checked: remote engine");
    }
}
