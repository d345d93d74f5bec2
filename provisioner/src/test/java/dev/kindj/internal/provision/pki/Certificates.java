package dev.kindj.internal.provision.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reads and checks certificates with the JDK's own X.509 code, independently of what produced them. */
final class Certificates {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private Certificates() {}

    static void assertSignedBy(X509Certificate certificate, X509Certificate issuer) throws GeneralSecurityException {
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(issuer.getSubjectX500Principal());
        certificate.verify(issuer.getPublicKey());
    }

    /** Proves the private key belongs to the certificate by signing with one and verifying with the other. */
    static void assertKeyMatches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] message = "kindj".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).as("key matches certificate").isTrue();
    }

    static String commonName(X509Certificate certificate) {
        List<String> names = attribute(certificate, BCStyle.CN);
        assertThat(names).hasSize(1);
        return names.get(0);
    }

    static List<String> organizations(X509Certificate certificate) {
        return attribute(certificate, BCStyle.O);
    }

    static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        return altNames(certificate, DNS_NAME);
    }

    /** IP addresses in the JDK's canonical text, comparable with {@link #canonicalIps}. */
    static List<String> ipAddresses(X509Certificate certificate) throws CertificateParsingException {
        return altNames(certificate, IP_ADDRESS);
    }

    static List<String> canonicalIps(String... literals) throws Exception {
        List<String> canonical = new ArrayList<>();
        for (String literal : literals) {
            canonical.add(InetAddress.getByName(literal).getHostAddress());
        }
        return canonical;
    }

    private static List<String> altNames(X509Certificate certificate, int type) throws CertificateParsingException {
        Collection<List<?>> all = certificate.getSubjectAlternativeNames();
        if (all == null) {
            return List.of();
        }
        return all.stream()
                .filter(name -> (Integer) name.get(0) == type)
                .map(name -> (String) name.get(1))
                .toList();
    }

    private static List<String> attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return Arrays.stream(subject.getRDNs(type))
                .map(RDN::getFirst)
                .map(value -> IETFUtils.valueToString(value.getValue()))
                .toList();
    }
}
