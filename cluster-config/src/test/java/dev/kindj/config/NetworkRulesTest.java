package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "fd00:10:244::1",
            "::ffff:10.0.0.1"})
    void acceptsIpLiterals(String address) {
        assertThat(IpAddresses.isIpAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "", "256.0.0.1", "10.0.0", "01.2.3.4", "1:2:3", "fe80::1::2", "face:",
            "example.com"})
    void refusesAnythingElseWithoutResolvingIt(String address) {
        assertThat(IpAddresses.isIpAddress(address)).isFalse();
    }

    @Test
    void parsesCidrs() {
        assertThat(Ipv4Cidr.parse("10.244.0.0/16")).contains(new Ipv4Cidr(0x0AF4_0000L, 16));
        assertThat(Ipv4Cidr.parse("0.0.0.0/0")).contains(new Ipv4Cidr(0, 0));
        assertThat(Ipv4Cidr.parse("10.244.0.0/33")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.244.0.0/")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.244.0.0")).isEmpty();
    }

    @Test
    void detectsOverlapsInEitherDirection() {
        Ipv4Cidr pods = Ipv4Cidr.parse("10.244.0.0/16").orElseThrow();

        assertThat(pods.overlaps(Ipv4Cidr.parse("10.244.255.0/24").orElseThrow())).isTrue();
        assertThat(Ipv4Cidr.parse("10.0.0.0/8").orElseThrow().overlaps(pods)).isTrue();
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").orElseThrow().overlaps(pods)).isTrue();
        assertThat(pods.overlaps(Ipv4Cidr.parse("10.245.0.0/16").orElseThrow())).isFalse();
        assertThat(pods.overlaps(Ipv4Cidr.parse("10.96.0.0/16").orElseThrow())).isFalse();
    }
}
