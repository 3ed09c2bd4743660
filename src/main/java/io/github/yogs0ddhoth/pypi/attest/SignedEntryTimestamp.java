package io.github.yogs0ddhoth.pypi.attest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Rekor v1's inclusion promise: the log's signature over the canonical JSON (RFC 8785: sorted keys, no spaces)
 * of the entry's body, integrated time, log id (hex) and global log index.
 */
final class SignedEntryTimestamp {
    private SignedEntryTimestamp() {}

    public static byte[] payload(TransparencyLogEntry e) {
        // Base64 and lower-case hex hold no character RFC 8785 would escape, so plain concatenation is canonical.
        return ("{\"body\":\"" + Base64.getEncoder().encodeToString(e.canonicalizedBody()) + "\",\"integratedTime\":"
                + e.integratedTime() + ",\"logID\":\"" + HexFormat.of().formatHex(e.logKeyId()) + "\",\"logIndex\":"
                + e.logIndex() + "}").getBytes(StandardCharsets.UTF_8);
    }

    public static void verify(TransparencyLogEntry e, TransparencyLog log) throws VerificationException {
        if (!Signatures.verify(log.key(), payload(e), e.signedEntryTimestamp())) {
            throw new VerificationException(Check.SIGNED_ENTRY_TIMESTAMP, "The signed entry timestamp of log entry "
                    + e.logIndex() + " does not verify with the key of " + log.baseUrl() + ".");
        }
    }
}
