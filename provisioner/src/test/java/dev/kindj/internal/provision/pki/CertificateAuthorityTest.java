package dev.kindj.internal.provision.pki;

import static dev.kindj.internal.provision.pki.Certificates.assertKeyMatches;
import static dev.kindj.internal.provision.pki.Certificates.assertSignedBy;
import static dev.kindj.internal.provision.pki.Certificates.canonicalIps;
import static dev.kindj.internal.provision.pki.Certificates.commonName;
import static dev.kindj.internal.provision.pki.Certificates.dnsNames;
import static dev.kindj.internal.provision.pki.Certificates.ipAddresses;
import static dev.kindj.internal.provision.pki.Certificates.organizations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {

    private static final boolean[] CA_KEY_USAGE = usage(0, 2, 5); // digitalSignature, keyEncipherment, keyCertSign
    private static final boolean[] LEAF_KEY_USAGE = usage(0, 2);

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void createsSelfSignedTenYearCa(KeyAlgorithm algorithm) throws Exception {
        Instant before = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create("test-ca", algorithm);
        X509Certificate certificate = ca.certificate();

        assertSignedBy(certificate, certificate);
        assertThat(commonName(certificate)).isEqualTo("test-ca");
        assertThat(certificate.getBasicConstraints()).as("CA:true").isGreaterThanOrEqualTo(0);
        assertThat(certificate.getKeyUsage()).startsWith(CA_KEY_USAGE);
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(certificate.getNotBefore().toInstant()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(validity(certificate)).isEqualTo(Duration.ofDays(3650));
        assertKeyMatches(ca.credentials().privateKey(), certificate);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void issuesOneYearLeafWithRequestedIdentityNamesAndUsages(KeyAlgorithm algorithm) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test-ca", algorithm);
        CertificateSpec spec = new CertificateSpec(
                "someone",
                List.of("group-a", "group-b"),
                SubjectAltNames.of("node-1", "10.0.0.7", "localhost", "::1"),
                Set.of(CertificateUsage.SERVER_AUTH, CertificateUsage.CLIENT_AUTH));

        CertifiedKey leaf = ca.issue(spec, algorithm);
        X509Certificate certificate = leaf.certificate();

        assertSignedBy(certificate, ca.certificate());
        assertKeyMatches(leaf.privateKey(), certificate);
        assertThat(commonName(certificate)).isEqualTo("someone");
        assertThat(organizations(certificate)).containsExactly("group-a", "group-b");
        assertThat(dnsNames(certificate)).containsExactly("node-1", "localhost");
        assertThat(ipAddresses(certificate)).containsExactlyElementsOf(canonicalIps("10.0.0.7", "::1"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder(
                CertificateUsage.SERVER_AUTH.oid(), CertificateUsage.CLIENT_AUTH.oid());
        assertThat(certificate.getBasicConstraints()).as("CA:false").isEqualTo(-1);
        assertThat(certificate.getKeyUsage()).startsWith(LEAF_KEY_USAGE);
        assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(validity(certificate)).isEqualTo(Duration.ofDays(365));
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo(javaKeyType(algorithm));
    }

    @Test
    void clientCertificateHasNoAltNamesAndOnlyClientUsage() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test-ca", KeyAlgorithm.ECDSA_P256);

        X509Certificate certificate =
                ca.issue(CertificateSpec.client("user"), KeyAlgorithm.ECDSA_P256).certificate();

        assertThat(certificate.getSubjectAlternativeNames()).isNull();
        assertThat(organizations(certificate)).isEmpty();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(CertificateUsage.CLIENT_AUTH.oid());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void privateKeyPemParsesBackWithBouncyCastle(KeyAlgorithm algorithm) throws Exception {
        CertifiedKey leaf = CertificateAuthority.create("test-ca", algorithm)
                .issue(CertificateSpec.client("user"), algorithm);
        String pem = leaf.privateKeyPem();

        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        }

        assertThat(pem).startsWith(algorithm == KeyAlgorithm.ECDSA_P256
                ? "-----BEGIN EC PRIVATE KEY-----"
                : "-----BEGIN RSA PRIVATE KEY-----");
        assertThat(parsed).isInstanceOf(PEMKeyPair.class);
        PEMKeyPair keyPair = (PEMKeyPair) parsed;
        assertThat(keyPair.getPublicKeyInfo().getEncoded()).as("public key kept with the private key")
                .isEqualTo(leaf.certificate().getPublicKey().getEncoded());
        PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(keyPair.getPrivateKeyInfo());
        assertThat(key).isInstanceOf(algorithm == KeyAlgorithm.ECDSA_P256 ? ECPrivateKey.class : RSAPrivateCrtKey.class);
        assertKeyMatches(key, leaf.certificate());
        assertThat(Pem.certificate(leaf.certificatePem())).isEqualTo(leaf.certificate());
    }

    @Test
    void readsPkcs8PrivateKeysToo() throws Exception {
        KeyPair pair = KeyAlgorithm.ECDSA_P256.generateKeyPair();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }

        assertThat(pem.toString()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.privateKey(pem.toString()).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void restoredCaIssuesCertificatesTheOriginalCaCertificateVerifies(KeyAlgorithm algorithm) throws Exception {
        CertificateAuthority original = CertificateAuthority.create("test-ca", algorithm);
        CertifiedKey stored = original.credentials();

        CertificateAuthority restored = CertificateAuthority.fromPem(stored.certificatePem(), stored.privateKeyPem());
        X509Certificate issued =
                restored.issue(CertificateSpec.client("later"), KeyAlgorithm.ECDSA_P256).certificate();

        assertThat(restored.certificate()).isEqualTo(original.certificate());
        assertSignedBy(issued, original.certificate());
    }

    @Test
    void refusesToRestoreALeafCertificateAsCa() {
        CertificateAuthority ca = CertificateAuthority.create("test-ca", KeyAlgorithm.ECDSA_P256);
        CertifiedKey leaf = ca.issue(CertificateSpec.client("user"), KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> CertificateAuthority.fromPem(leaf.certificatePem(), leaf.privateKeyPem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CA");
    }

    @Test
    void specNeedsCommonNameAndUsage() {
        assertThatThrownBy(() -> CertificateSpec.client(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateSpec("x", List.of(), SubjectAltNames.NONE, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Duration validity(X509Certificate certificate) {
        return Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    private static String javaKeyType(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.ECDSA_P256 ? "EC" : "RSA";
    }

    private static boolean[] usage(int... bits) {
        boolean[] usage = new boolean[9];
        for (int bit : bits) {
            usage[bit] = true;
        }
        return usage;
    }
}
