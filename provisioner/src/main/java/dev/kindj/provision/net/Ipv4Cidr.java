package dev.kindj.provision.net;

/** An IPv4 network in CIDR notation, with the address arithmetic cluster planning needs. */
public record Ipv4Cidr(int base, int prefixLength) {

    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        base = base & mask(prefixLength);
    }

    public static Ipv4Cidr parse(String cidr) {
        String[] parts = cidr.strip().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CIDR (address/prefix): " + cidr);
        }
        return new Ipv4Cidr(parseAddress(parts[0]), Integer.parseInt(parts[1]));
    }

    public static int parseAddress(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        int value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            value = (value << 8) | part;
        }
        return value;
    }

    public static String formatAddress(int address) {
        return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "." + (address & 255);
    }

    /** The n-th address of the network (0 is the network address itself). */
    public String address(int n) {
        if (n < 0 || (long) n >= size()) {
            throw new IllegalArgumentException("address " + n + " is outside " + this);
        }
        return formatAddress(base + n);
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The index-th subnet of the given (longer) prefix length inside this network. */
    public Ipv4Cidr subnet(int newPrefixLength, int index) {
        if (newPrefixLength < prefixLength || (long) index >= (1L << (newPrefixLength - prefixLength))) {
            throw new IllegalArgumentException("no subnet /" + newPrefixLength + " number " + index + " in " + this);
        }
        return new Ipv4Cidr(base + (index << (32 - newPrefixLength)), newPrefixLength);
    }

    public boolean overlaps(Ipv4Cidr other) {
        int common = mask(Math.min(prefixLength, other.prefixLength));
        return (base & common) == (other.base & common);
    }

    @Override
    public String toString() {
        return formatAddress(base) + "/" + prefixLength;
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }
}
