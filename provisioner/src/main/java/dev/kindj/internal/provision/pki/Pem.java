package dev.kindj.internal.provision.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM text of certificates and keys. Private keys are written in the traditional OpenSSL forms
 * ("EC PRIVATE KEY", "RSA PRIVATE KEY") as kubeadm writes them; PKCS#8 ("PRIVATE KEY") is read too.
 */
public final class Pem {

    private Pem() {}

    /** Encodes an {@link X509Certificate}, a {@link PrivateKey} or a {@link PublicKey}. */
    public static String encode(Object certificateOrKey) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificateOrKey instanceof ECPrivateKey ecKey ? sec1(ecKey) : certificateOrKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot PEM-encode " + certificateOrKey.getClass().getName(), e);
        }
        return text.toString();
    }

    /**
     * SEC1 naming the curve and holding the public point, as Go's parser requires: the JDK's PKCS#8 encoding keeps
     * the curve outside the inner key structure, so converting that alone would lose it.
     */
    private static PemObject sec1(ECPrivateKey key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        ECPoint publicPoint = parameters.getG().multiply(key.getS()).normalize();
        var structure = new org.bouncycastle.asn1.sec.ECPrivateKey(
                parameters.getN().bitLength(), key.getS(), new DERBitString(publicPoint.getEncoded(false)), curve);
        return new PemObject("EC PRIVATE KEY", structure.getEncoded());
    }

    public static X509Certificate certificate(String pem) {
        if (read(pem) instanceof X509CertificateHolder holder) {
            try {
                return new JcaX509CertificateConverter().getCertificate(holder);
            } catch (CertificateException e) {
                throw new IllegalArgumentException("unreadable certificate", e);
            }
        }
        throw new IllegalArgumentException("PEM text does not start with a certificate");
    }

    public static PrivateKey privateKey(String pem) {
        Object object = read(pem);
        PrivateKeyInfo keyInfo;
        if (object instanceof PEMKeyPair pair) {
            keyInfo = pair.getPrivateKeyInfo();
        } else if (object instanceof PrivateKeyInfo info) {
            keyInfo = info;
        } else {
            throw new IllegalArgumentException("PEM text does not start with an unencrypted private key");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(keyInfo);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable private key", e);
        }
    }

    public static PublicKey publicKey(String pem) {
        if (read(pem) instanceof SubjectPublicKeyInfo keyInfo) {
            try {
                return new JcaPEMKeyConverter().getPublicKey(keyInfo);
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable public key", e);
            }
        }
        throw new IllegalArgumentException("PEM text does not start with a public key");
    }

    private static Object read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PEM text", e);
        }
    }
}
