package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class EphemeralKeyTest {
    @Test
    void signsWithEcdsaP256Sha256InDer() throws Exception {
        EphemeralKey key = EphemeralKey.generate();
        byte[] pae = Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, "{}".getBytes(StandardCharsets.UTF_8));

        byte[] sig = key.sign(pae);

        ECPublicKey pub = (ECPublicKey) key.publicKey();
        assertThat(pub.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(sig[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pub);
        verifier.update(pae);
        assertThat(verifier.verify(sig)).isTrue();
        verifier.initVerify(pub);
        verifier.update(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, "{ }".getBytes(StandardCharsets.UTF_8)));
        assertThat(verifier.verify(sig)).isFalse();
    }

    @Test
    void eachKeyIsNewAndNeverPrinted() {
        EphemeralKey a = EphemeralKey.generate();
        EphemeralKey b = EphemeralKey.generate();
        assertThat(a.publicKey().getEncoded()).isNotEqualTo(b.publicKey().getEncoded());
        assertThat(a.toString()).isEqualTo("EphemeralKey[P-256, private=***]");
    }

    @Test
    void publicKeyPemIsWrappedAt64() {
        String pem = Pem.publicKey(EphemeralKey.generate().publicKey());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pem.lines().skip(1).limit(1).findFirst().orElseThrow()).hasSize(64);
    }
}
