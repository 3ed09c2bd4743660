package io.github.yogs0ddhoth.pypi.attest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Signature checks with the key types Sigstore's trust roots use. */
final class Signatures {
    private Signatures() {}

    /**
     * True when {@code signature} is the key's signature over {@code data}: ECDSA (DER) and RSA with SHA-256,
     * Ed25519 over the data itself. Any malformed input is simply not a valid signature.
     */
    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
