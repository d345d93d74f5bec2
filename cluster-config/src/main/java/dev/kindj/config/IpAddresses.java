package dev.kindj.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Recognises IP address literals without ever resolving a host name. */
final class IpAddresses {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    static boolean isIpAddress(String text) {
        return ipv4(text).isPresent() || isIpv6(text);
    }

    /** The address as an unsigned 32-bit number. */
    static OptionalLong ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        long address = 0;
        for (String octet : text.split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        return OptionalLong.of(address);
    }

    /** InetAddress parses text with a ':' as a literal and fails rather than doing a DNS lookup. */
    private static boolean isIpv6(String text) {
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
