package io.github.yogs0ddhoth.pypi.attest;

import java.security.PublicKey;
import java.util.Base64;

/**
 * A Rekor or certificate-transparency log the trust root names.
 *
 * @param baseUrl  where the log lives, e.g. {@code https://rekor.sigstore.dev}
 * @param keyId    the log's id: SHA-256 of its public key's DER SubjectPublicKeyInfo
 * @param key      the key the log signs with
 * @param validFor when signatures by this key are trusted
 */
record TransparencyLog(String baseUrl, byte[] keyId, PublicKey key, Validity validFor) {
    public String keyIdBase64() {
        return Base64.getEncoder().encodeToString(keyId);
    }

    /** The host part of the URL: Rekor's checkpoints name the log this way ({@code rekor.sigstore.dev}). */
    public String origin() {
        String u = baseUrl.replaceFirst("^[a-zA-Z]+://", "");
        int slash = u.indexOf('/');
        return slash < 0 ? u : u.substring(0, slash);
    }
}
