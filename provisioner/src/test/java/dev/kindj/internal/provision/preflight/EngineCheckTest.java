package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class EngineCheckTest {

    @Test
    void api141AndNewerAreOk() {
        CheckResult result = new EngineCheck().check(Demands.nodes(1, 0), new FakeHostReadings());

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.detail()).isEqualTo("Engine 20.10.24, API 1.41 at unix:///var/run/docker.sock");
        assertThat(new EngineCheck().check(Demands.nodes(1, 0), new FakeHostReadings().withEngine("28.5.2", "1.51"))
                .status()).isEqualTo(Status.OK);
    }

    @Test
    void anOlderEngineIsRefusedWithHowFarBehindItIs() {
        CheckResult result = new EngineCheck().check(Demands.nodes(1, 0),
                new FakeHostReadings().withEngine("19.03.15", "1.40"));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).contains("API 1.40").contains("older than the API 1.41 kindj needs, by 1 API");
        assertThat(result.fix()).contains("Engine 20.10 or newer");
    }

    @Test
    void noEngineIsRefusedWithWhereKindjLooked() {
        CheckResult result = new EngineCheck().check(Demands.nodes(1, 0),
                new NoEngine("no Docker engine answered at unix:///var/run/docker.sock"));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).isEqualTo("no Docker engine answered at unix:///var/run/docker.sock");
        assertThat(result.fix()).contains("start Docker").contains("DOCKER_HOST");
    }
}
