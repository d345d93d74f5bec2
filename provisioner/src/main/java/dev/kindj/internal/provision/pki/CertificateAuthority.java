package dev.kindj.internal.provision.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed certificate authority that issues the leaf certificates of a cluster. */
public final class CertificateAuthority {

    /** As kubeadm: ten years for CAs, one year for the certificates they issue. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);

    public static final Duration LEAF_VALIDITY = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertifiedKey credentials;

    private CertificateAuthority(CertifiedKey credentials) {
        this.credentials = credentials;
    }

    public static CertificateAuthority create(String commonName, KeyAlgorithm algorithm) {
        KeyPair keyPair = algorithm.generateKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant notBefore = now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                randomSerial(),
                Date.from(notBefore),
                Date.from(notBefore.plus(CA_VALIDITY)),
                name,
                keyPair.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(
                            KeyUsage.keyCertSign | KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new CertificateAuthority(
                    new CertifiedKey(sign(builder, keyPair.getPrivate()), keyPair.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create CA " + commonName, e);
        }
    }

    /** Restores a CA from the files it was stored in, so that a running cluster can get more certificates. */
    public static CertificateAuthority fromPem(String certificatePem, String privateKeyPem) {
        X509Certificate certificate = Pem.certificate(certificatePem);
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(
                    "not a CA certificate: " + certificate.getSubjectX500Principal().getName());
        }
        return new CertificateAuthority(new CertifiedKey(certificate, Pem.privateKey(privateKeyPem)));
    }

    public X509Certificate certificate() {
        return credentials.certificate();
    }

    public CertifiedKey credentials() {
        return credentials;
    }

    /** Generates a key pair and a certificate for it. */
    public CertifiedKey issue(CertificateSpec spec, KeyAlgorithm algorithm) {
        KeyPair keyPair = algorithm.generateKeyPair();
        return new CertifiedKey(issue(spec, keyPair.getPublic()), keyPair.getPrivate());
    }

    public X509Certificate issue(CertificateSpec spec, PublicKey subjectKey) {
        Instant notBefore = now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                certificate(),
                randomSerial(),
                Date.from(notBefore),
                Date.from(notBefore.plus(LEAF_VALIDITY)),
                subjectName(spec),
                subjectKey);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(spec))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate()));
            if (!spec.altNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, generalNames(spec.altNames()));
            }
            return sign(builder, credentials.privateKey());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + spec.commonName(), e);
        }
    }

    private static X500Name subjectName(CertificateSpec spec) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        spec.organizations().forEach(organization -> name.addRDN(BCStyle.O, organization));
        return name.addRDN(BCStyle.CN, spec.commonName()).build();
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateSpec spec) {
        return new ExtendedKeyUsage(spec.usages().stream()
                .sorted()
                .map(CertificateUsage::purpose)
                .toArray(KeyPurposeId[]::new));
    }

    private static GeneralNames generalNames(SubjectAltNames altNames) {
        List<GeneralName> names = new ArrayList<>();
        altNames.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        for (InetAddress ip : altNames.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(signatureAlgorithm(signingKey)).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String signatureAlgorithm(PrivateKey signingKey) {
        return switch (signingKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported CA key type " + signingKey.getAlgorithm());
        };
    }

    /** A positive serial of at most 63 bits, like kubeadm's. */
    private static BigInteger randomSerial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    /** X.509 times have whole seconds; truncating keeps notBefore from lying in the future. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
