package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineAddressTest {

    @Test
    void aSocketEngineIsReachedOnLoopback() {
        assertThat(EngineAddress.of(URI.create("unix:///var/run/docker.sock"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aTcpEngineOnThisMachineIsReachedOnLoopback() {
        assertThat(EngineAddress.of(URI.create("tcp://localhost:2375"))).isEqualTo("127.0.0.1");
        assertThat(EngineAddress.of(URI.create("tcp://127.0.0.2:2375"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aRemoteTcpEngineIsReachedAtItsHostsAddress() {
        assertThat(EngineAddress.of(URI.create("tcp://198.18.75.2:2376"))).isEqualTo("198.18.75.2");
    }
}
