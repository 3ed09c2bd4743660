package io.github.yogs0ddhoth.pypi.attest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Signed Certificate Timestamps Fulcio embeds in every certificate (RFC 6962 section 3.3): proof that the
 * certificate was logged in a CT log before it was issued. Each SCT signs the pre-certificate, which is the
 * certificate's TBSCertificate without the SCT list extension, bound to the issuer's key.
 */
final class CertificateTransparency {
    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";
    private static final int V1 = 0;
    private static final int CERTIFICATE_TIMESTAMP = 0;
    private static final int PRECERT_ENTRY = 1;

    private CertificateTransparency() {}

    /** One SCT as it appears in the list. */
    record Sct(byte[] logId, long timestampMillis, byte[] extensions, byte[] signature) {
    }

    /**
     * Passes when at least one embedded SCT is signed by a CT log of the trust root that was valid at the SCT's
     * time.
     */
    public static void verify(X509Certificate leaf, X509Certificate issuer, TrustConfig trust)
            throws VerificationException {
        byte[] ext = leaf.getExtensionValue(SCT_LIST_OID);
        if (ext == null) {
            throw new VerificationException(Check.CERTIFICATE_TRANSPARENCY, "The certificate has no embedded SCT"
                    + " list (extension " + SCT_LIST_OID + "); Fulcio always embeds one.");
        }
        List<Sct> scts;
        byte[] signedTail;
        try {
            scts = parseList(Der.read(Der.read(ext).value()).value());
            byte[] tbs = precertificateTbs(leaf.getEncoded());
            byte[] issuerKeyHash = Merkle.sha256(issuer.getPublicKey().getEncoded());
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            tail.writeBytes(new byte[] {0, PRECERT_ENTRY});
            tail.writeBytes(issuerKeyHash);
            tail.write(tbs.length >>> 16);
            tail.write(tbs.length >>> 8);
            tail.write(tbs.length);
            tail.writeBytes(tbs);
            signedTail = tail.toByteArray();
        } catch (AttestationException | java.security.cert.CertificateEncodingException | RuntimeException e) {
            throw new VerificationException(Check.CERTIFICATE_TRANSPARENCY, "The certificate's SCT list cannot be"
                    + " read (" + e.getMessage() + ").");
        }
        List<String> seen = new ArrayList<>();
        for (Sct sct : scts) {
            var log = trust.ctLog(sct.logId());
            String id = java.util.Base64.getEncoder().encodeToString(sct.logId());
            if (log.isEmpty()) {
                seen.add(id + " (not in the trust root)");
                continue;
            }
            if (!log.get().validFor().contains(Instant.ofEpochMilli(sct.timestampMillis()))) {
                seen.add(id + " (key not valid at " + Instant.ofEpochMilli(sct.timestampMillis()) + ")");
                continue;
            }
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.write(V1);
            signed.write(CERTIFICATE_TIMESTAMP);
            signed.writeBytes(ByteBuffer.allocate(8).putLong(sct.timestampMillis()).array());
            signed.writeBytes(signedTail);
            signed.write(sct.extensions().length >>> 8);
            signed.write(sct.extensions().length);
            signed.writeBytes(sct.extensions());
            if (Signatures.verify(log.get().key(), signed.toByteArray(), sct.signature())) {
                return;
            }
            seen.add(id + " (signature does not verify)");
        }
        throw new VerificationException(Check.CERTIFICATE_TRANSPARENCY, "No embedded SCT verifies with a CT log of"
                + " the trust root: " + (seen.isEmpty() ? "the list is empty" : String.join(", ", seen)) + ".");
    }

    /** The TLS-encoded SignedCertificateTimestampList of RFC 6962 section 3.3. */
    static List<Sct> parseList(byte[] list) throws AttestationException {
        ByteBuffer b = ByteBuffer.wrap(list);
        int total = u16(b);
        if (total != b.remaining()) {
            throw new AttestationException("SCT list length " + total + " does not match its " + b.remaining()
                    + " bytes");
        }
        List<Sct> out = new ArrayList<>();
        while (b.hasRemaining()) {
            int len = u16(b);
            ByteBuffer s = slice(b, len);
            if ((s.get() & 0xff) != V1) {
                continue; // an SCT version this verifier does not know cannot count
            }
            byte[] logId = bytes(s, 32);
            long ts = s.getLong();
            byte[] extensions = bytes(s, u16(s));
            s.get(); // hash algorithm: SHA-256 for every Sigstore CT log
            s.get(); // signature algorithm, implied by the log's key
            byte[] signature = bytes(s, u16(s));
            out.add(new Sct(logId, ts, extensions, signature));
        }
        return out;
    }

    /** The certificate's TBSCertificate re-encoded without the SCT list extension. */
    static byte[] precertificateTbs(byte[] certificate) throws AttestationException {
        Der.Tlv tbs = Der.read(certificate).child(0);
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (Der.Tlv field : tbs.children()) {
            if (field.tag() != 0xa3) {
                fields.writeBytes(field.encoded());
                continue;
            }
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            for (Der.Tlv extension : field.child(0).children()) {
                if (!Der.oidToString(extension.child(0).value()).equals(SCT_LIST_OID)) {
                    kept.writeBytes(extension.encoded());
                }
            }
            fields.writeBytes(Der.tagged(3, true, Der.sequence(kept.toByteArray())));
        }
        return Der.sequence(fields.toByteArray());
    }

    private static int u16(ByteBuffer b) {
        return b.getShort() & 0xffff;
    }

    private static ByteBuffer slice(ByteBuffer b, int len) {
        ByteBuffer s = b.slice();
        s.limit(len);
        b.position(b.position() + len);
        return s;
    }

    private static byte[] bytes(ByteBuffer b, int len) {
        byte[] out = new byte[len];
        b.get(out);
        return out;
    }
}
