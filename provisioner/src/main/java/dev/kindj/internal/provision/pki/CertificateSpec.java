package dev.kindj.internal.provision.pki;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a leaf certificate says: who it is for, its groups (O), where it is valid and what it may be used for. */
public record CertificateSpec(
        String commonName, List<String> organizations, SubjectAltNames altNames, Set<CertificateUsage> usages) {

    public CertificateSpec {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a certificate needs a common name");
        }
        organizations = List.copyOf(organizations);
        Objects.requireNonNull(altNames, "altNames");
        usages = Set.copyOf(usages);
        if (usages.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one usage: " + commonName);
        }
    }

    public static CertificateSpec client(String commonName, String... organizations) {
        return new CertificateSpec(
                commonName, List.of(organizations), SubjectAltNames.NONE, Set.of(CertificateUsage.CLIENT_AUTH));
    }

    public static CertificateSpec server(String commonName, SubjectAltNames altNames) {
        return new CertificateSpec(commonName, List.of(), altNames, Set.of(CertificateUsage.SERVER_AUTH));
    }

    public static CertificateSpec serverAndClient(String commonName, SubjectAltNames altNames) {
        return new CertificateSpec(
                commonName,
                List.of(),
                altNames,
                Set.of(CertificateUsage.SERVER_AUTH, CertificateUsage.CLIENT_AUTH));
    }
}
