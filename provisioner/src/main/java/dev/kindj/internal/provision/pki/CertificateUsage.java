package dev.kindj.internal.provision.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Extended key usages of the certificates a cluster needs. */
public enum CertificateUsage {
    SERVER_AUTH(KeyPurposeId.id_kp_serverAuth),
    CLIENT_AUTH(KeyPurposeId.id_kp_clientAuth);

    private final KeyPurposeId purpose;

    CertificateUsage(KeyPurposeId purpose) {
        this.purpose = purpose;
    }

    /** The object identifier, as {@link java.security.cert.X509Certificate#getExtendedKeyUsage()} reports it. */
    public String oid() {
        return purpose.getId();
    }

    KeyPurposeId purpose() {
        return purpose;
    }
}
