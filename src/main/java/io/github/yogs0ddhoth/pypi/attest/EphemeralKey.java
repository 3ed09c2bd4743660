package io.github.yogs0ddhoth.pypi.attest;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * A P-256 key pair made for one release and dropped with it. The private key is never exposed, serialised or
 * printed: the only thing it does is sign, so it cannot end up in a log, a report or a file.
 */
final class EphemeralKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private EphemeralKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    public static EphemeralKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new EphemeralKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make an ECDSA P-256 key, which Sigstore signing needs ("
                    + e.getMessage() + ")", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** ECDSA P-256 with SHA-256 over {@code data}; the signature is DER-encoded, as Sigstore expects. */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with the ephemeral key failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "EphemeralKey[P-256, private=***]";
    }
}
