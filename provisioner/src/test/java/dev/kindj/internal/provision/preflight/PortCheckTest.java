package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.CheckResult.Status;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    private static final Demand FIXED_PORTS = Demands.cluster("""
            networking:
              apiServerPort: 16443
            nodes:
            - role: control-plane
              extraPortMappings:
              - {containerPort: 80, hostPort: 18080}
              - {containerPort: 53, hostPort: 15353, protocol: UDP, listenAddress: 127.0.0.1}
              - {containerPort: 443, hostPort: 0}
            """);

    private final FakeHostReadings host = new FakeHostReadings();

    @Test
    void portsInUseAreNamedWithTheFieldThatAsksForThem() {
        host.withPortInUse(18080).withPortInUse(16443);

        CheckResult result = new PortCheck().check(FIXED_PORTS, host);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).isEqualTo("2 of 3 fixed host ports already in use on this host:"
                + " 127.0.0.1:16443/tcp (networking.apiServerPort), 0.0.0.0:18080/tcp (nodes[0].extraPortMappings[0])");
        assertThat(result.fix()).contains("another hostPort").contains("0 lets Docker pick");
    }

    @Test
    void freePortsAreOkAndRandomOnesAreNotChecked() {
        CheckResult result = new PortCheck().check(FIXED_PORTS, host);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.detail()).isEqualTo("3 fixed host ports free: 127.0.0.1:16443/tcp, 0.0.0.0:18080/tcp,"
                + " 127.0.0.1:15353/udp");
    }

    @Test
    void noFixedPortIsOk() {
        assertThat(new PortCheck().check(Demands.nodes(1, 0), host).detail()).isEqualTo("no fixed host port requested");
    }

    @Test
    void portsOfARemoteEngineAreNotChecked() {
        host.withPortInUse(18080).remote("remote engine");

        CheckResult result = new PortCheck().check(FIXED_PORTS, host);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.detail()).startsWith("not checked: 127.0.0.1:16443/tcp (remote engine)");
    }
}
