package dev.kindj.internal.provision.preflight;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.preflight.HostReadings.NamedSubnet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The host's IPv4 routes from {@code /proc/net/route}, but the default route, which overlaps everything. */
public final class HostRoutes {

    private HostRoutes() {
    }

    /** @param routeFile {@code /proc/net/route} on a real host */
    public static List<NamedSubnet> read(Path routeFile) {
        List<NamedSubnet> routes = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(routeFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's routes from " + routeFile, e);
        }
        // Columns: Iface Destination Gateway Flags RefCnt Use Metric Mask ...; addresses are little-endian hex.
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 8) {
                continue;
            }
            int prefix = Integer.bitCount((int) Long.parseLong(fields[7], 16));
            if (prefix > 0) {
                long destination = Long.reverseBytes(Long.parseLong(fields[1], 16)) >>> 32;
                routes.add(new NamedSubnet("host route via " + fields[0], new Ipv4Cidr(destination, prefix)));
            }
        }
        return routes;
    }
}
