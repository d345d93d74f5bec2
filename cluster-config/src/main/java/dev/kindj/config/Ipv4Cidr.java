package dev.kindj.config;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** An IPv4 range such as 10.244.0.0/16. */
record Ipv4Cidr(long address, int prefix) {
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,2}");

    static Optional<Ipv4Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        OptionalLong address = IpAddresses.ipv4(text.substring(0, slash));
        String prefixText = text.substring(slash + 1);
        if (address.isEmpty() || !PREFIX.matcher(prefixText).matches() || Integer.parseInt(prefixText) > 32) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Cidr(address.getAsLong(), Integer.parseInt(prefixText)));
    }

    boolean overlaps(Ipv4Cidr other) {
        long mask = mask(Math.min(prefix, other.prefix));
        return (address & mask) == (other.address & mask);
    }

    private static long mask(int prefix) {
        return (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }
}
