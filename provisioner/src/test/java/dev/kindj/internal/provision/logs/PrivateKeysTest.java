package dev.kindj.internal.provision.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {

    private static final String TEXT = """
            before
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEISECRET
            -----END EC PRIVATE KEY-----
            between {"key":"-----BEGIN RSA PRIVATE KEY-----\\nMIIsecret\\n-----END RSA PRIVATE KEY-----"}
            -----BEGIN CERTIFICATE-----
            MIIcertificate
            -----END CERTIFICATE-----
            after
            """;

    @Test
    void removesKeyBlocksAndKeepsEverythingElse() {
        assertThat(PrivateKeys.redact(TEXT)).isEqualTo("""
                before
                %s
                %s
                -----BEGIN CERTIFICATE-----
                MIIcertificate
                -----END CERTIFICATE-----
                after
                """.formatted(PrivateKeys.REMOVED, PrivateKeys.REMOVED));
    }

    @Test
    void streamsKeepBytesThatAreNotUtf8() throws IOException {
        byte[] latin1 = "caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrivateKeys.copy(new ByteArrayInputStream(latin1), out);
        assertThat(out.toByteArray()).isEqualTo(latin1);
    }
}
