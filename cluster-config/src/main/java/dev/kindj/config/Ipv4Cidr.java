package dev.kindj.config;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An IPv4 range such as 10.244.0.0/16, with the address arithmetic cluster planning needs.
 *
 * @param address the network address as an unsigned 32-bit number (host bits as given)
 */
public record Ipv4Cidr(long address, int prefix) {
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,2}");

    /** Parses CIDR notation; empty when the text is not an IPv4 CIDR. */
    public static Optional<Ipv4Cidr> parse(String text) {
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

    /** Parses CIDR notation the caller knows to be valid (validated config, Docker's own answers). */
    public static Ipv4Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR: " + text));
    }

    public boolean overlaps(Ipv4Cidr other) {
        long mask = mask(Math.min(prefix, other.prefix));
        return (address & mask) == (other.address & mask);
    }

    /** The n-th address of the network; 0 is the network address itself. */
    public String address(long n) {
        if (n < 0 || n >= size()) {
            throw new IllegalArgumentException("address " + n + " is outside " + this);
        }
        return format(network() + n);
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    /** The index-th subnet with the given longer prefix, e.g. the third /24 of a /16. */
    public Ipv4Cidr subnet(int subnetPrefix, long index) {
        if (subnetPrefix < prefix || subnetPrefix > 32 || index < 0 || index >= 1L << (subnetPrefix - prefix)) {
            throw new IllegalArgumentException("there is no /" + subnetPrefix + " number " + index + " in " + this);
        }
        return new Ipv4Cidr(network() + (index << (32 - subnetPrefix)), subnetPrefix);
    }

    @Override
    public String toString() {
        return format(network()) + "/" + prefix;
    }

    private long network() {
        return address & mask(prefix);
    }

    private static String format(long value) {
        return (value >>> 24 & 255) + "." + (value >>> 16 & 255) + "." + (value >>> 8 & 255) + "." + (value & 255);
    }

    private static long mask(int prefix) {
        return (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }
}
