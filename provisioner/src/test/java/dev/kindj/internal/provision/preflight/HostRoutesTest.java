package dev.kindj.internal.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.preflight.HostReadings.NamedSubnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRoutesTest {

    @Test
    void readsEveryRouteButTheDefault(@TempDir Path dir) throws IOException {
        // As on these hosts: a default route, docker0, a kindj cluster's bridge and the host's own /24.
        Path routes = Files.writeString(dir.resolve("route"), """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
                docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                br-8da751f40d12\t00001CAC\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
                eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
                """);

        assertThat(HostRoutes.read(routes)).containsExactly(
                new NamedSubnet("host route via docker0", Ipv4Cidr.of("172.17.0.0/16")),
                new NamedSubnet("host route via br-8da751f40d12", Ipv4Cidr.of("172.28.0.0/24")),
                new NamedSubnet("host route via eth0", Ipv4Cidr.of("192.0.2.0/24")));
    }
}
