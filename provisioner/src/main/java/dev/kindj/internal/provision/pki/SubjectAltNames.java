package dev.kindj.internal.provision.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.bouncycastle.util.IPAddress;

/** DNS names and IP addresses a certificate is valid for, without duplicates, in the order given. */
public record SubjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses) {

    public static final SubjectAltNames NONE = new SubjectAltNames(List.of(), List.of());

    public SubjectAltNames {
        dnsNames = List.copyOf(new LinkedHashSet<>(dnsNames));
        ipAddresses = List.copyOf(new LinkedHashSet<>(ipAddresses));
    }

    /** Sorts each name into an IP address if it is an IPv4 or IPv6 literal, else a DNS name. */
    public static SubjectAltNames of(Collection<String> names) {
        List<String> dnsNames = new ArrayList<>();
        List<InetAddress> ipAddresses = new ArrayList<>();
        for (String name : names) {
            if (isIpLiteral(name)) {
                ipAddresses.add(ipAddress(name));
            } else {
                dnsNames.add(name);
            }
        }
        return new SubjectAltNames(dnsNames, ipAddresses);
    }

    public static SubjectAltNames of(String... names) {
        return of(List.of(names));
    }

    public boolean isEmpty() {
        return dnsNames.isEmpty() && ipAddresses.isEmpty();
    }

    static boolean isIpLiteral(String name) {
        return IPAddress.isValid(name);
    }

    /** Parses an IP literal; checked first so that no DNS lookup can happen. */
    static InetAddress ipAddress(String literal) {
        if (!isIpLiteral(literal)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }
}
