package dev.kindj.internal.provision.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SubjectAltNamesTest {

    @Test
    void sortsIpLiteralsFromDnsNamesKeepingOrderAndDroppingDuplicates() throws Exception {
        SubjectAltNames names = SubjectAltNames.of(
                "lb.example", "172.18.0.3", "fd00::3", "localhost", "172.18.0.3", "lb.example", "0:0:0:0:0:0:0:1", "::1");

        assertThat(names.dnsNames()).containsExactly("lb.example", "localhost");
        assertThat(names.ipAddresses()).containsExactly(
                InetAddress.getByName("172.18.0.3"), InetAddress.getByName("fd00::3"), InetAddress.getByName("::1"));
    }

    @Test
    void treatsNumericLookingHostNamesAsDnsNames() {
        SubjectAltNames names = SubjectAltNames.of("10.0.0.1.nip.io", "1.2.3", "node-10.0.0.1");

        assertThat(names.ipAddresses()).isEmpty();
        assertThat(names.dnsNames()).containsExactly("10.0.0.1.nip.io", "1.2.3", "node-10.0.0.1");
    }

    @Test
    void ipAddressRefusesHostNames() {
        assertThatThrownBy(() -> SubjectAltNames.ipAddress("localhost")).isInstanceOf(IllegalArgumentException.class);
    }
}
