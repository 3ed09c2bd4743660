package io.github.yogs0ddhoth.pypi.attest;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Fulcio-like certificate authority made with the JDK: a P-384 root and intermediate, and code-signing leaves
 * with Fulcio's identity extensions and an embedded SCT from a test CT log. Certificates are written in DER by
 * hand with {@link Der}.
 */
final class TestCa {
    static final String ECDSA_SHA384 = "1.2.840.10045.4.3.3";
    static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    final KeyPair rootKey = generate("secp384r1");
    final KeyPair intermediateKey = generate("secp384r1");
    final KeyPair ctKey = generate("secp256r1");
    final java.security.cert.X509Certificate root;
    final java.security.cert.X509Certificate intermediate;
    private final AtomicLong serials = new AtomicLong(1000);

    /** What Fulcio writes from the token's claims; extension numbers are under 1.3.6.1.4.1.57264.1. */
    record Identity(String sanUri, String sanEmail, Map<Integer, String> extensions) {
    }

    TestCa(Instant now) {
        byte[] rootName = name("sigstore-test-root");
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(Duration.ofDays(365));
        root = parse(certificate(rootName, rootName, rootKey.getPublic(), rootKey.getPrivate(), ECDSA_SHA384,
                "SHA384withECDSA", from, to, caExtensions(1)));
        intermediate = parse(certificate(rootName, name("sigstore-intermediate"), intermediateKey.getPublic(),
                rootKey.getPrivate(), ECDSA_SHA384, "SHA384withECDSA", from, to, caExtensions(0)));
    }

    static KeyPair generate(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] ctLogId() {
        return Merkle.sha256(ctKey.getPublic().getEncoded());
    }

    /** A leaf as Fulcio issues it, with an SCT over its pre-certificate signed by {@code sctKey}. */
    java.security.cert.X509Certificate issue(PublicKey key, Identity id, Instant notBefore, Duration life,
            PrivateKey sctKey) {
        List<byte[]> exts = new ArrayList<>();
        exts.add(extension("2.5.29.15", true, Der.tlv(Der.BIT_STRING, new byte[] {7, (byte) 0x80})));
        exts.add(extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.3"))));
        byte[] san = id.sanUri() != null ? Der.tlv(0x86, id.sanUri().getBytes(StandardCharsets.US_ASCII))
                : Der.tlv(0x81, id.sanEmail().getBytes(StandardCharsets.US_ASCII));
        exts.add(extension("2.5.29.17", true, Der.sequence(san)));
        for (Map.Entry<Integer, String> e : id.extensions().entrySet()) {
            byte[] value = e.getKey() < 8 ? e.getValue().getBytes(StandardCharsets.UTF_8) : Der.utf8(e.getValue());
            exts.add(extension(FulcioIdentity.ARC + e.getKey(), false, value));
        }
        long serial = serials.incrementAndGet();
        byte[] issuerName = name("sigstore-intermediate");
        Instant notAfter = notBefore.plus(life);
        byte[] precert = tbs(serial, issuerName, new byte[] {0x30, 0}, key, ECDSA_SHA384, notBefore, notAfter, exts);
        byte[] sct = sct(precert, notBefore.toEpochMilli(), sctKey);
        exts.add(extension(CertificateTransparency.SCT_LIST_OID, false, Der.octetString(sct)));
        byte[] tbs = tbs(serial, issuerName, new byte[] {0x30, 0}, key, ECDSA_SHA384, notBefore, notAfter, exts);
        return parse(signed(tbs, ECDSA_SHA384, "SHA384withECDSA", intermediateKey.getPrivate()));
    }

    private byte[] sct(byte[] precertTbs, long millis, PrivateKey sctKey) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(new byte[] {0, 0});
        signed.writeBytes(ByteBuffer.allocate(8).putLong(millis).array());
        signed.writeBytes(new byte[] {0, 1});
        signed.writeBytes(Merkle.sha256(intermediate.getPublicKey().getEncoded()));
        signed.write(precertTbs.length >>> 16);
        signed.write(precertTbs.length >>> 8);
        signed.write(precertTbs.length);
        signed.writeBytes(precertTbs);
        signed.writeBytes(new byte[] {0, 0});
        byte[] sig = sign("SHA256withECDSA", sctKey, signed.toByteArray());
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(0);
        s.writeBytes(ctLogId());
        s.writeBytes(ByteBuffer.allocate(8).putLong(millis).array());
        s.writeBytes(new byte[] {0, 0, 4, 3, (byte) (sig.length >>> 8), (byte) sig.length});
        s.writeBytes(sig);
        byte[] one = s.toByteArray();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        int total = one.length + 2;
        list.writeBytes(new byte[] {(byte) (total >>> 8), (byte) total, (byte) (one.length >>> 8), (byte) one.length});
        list.writeBytes(one);
        return list.toByteArray();
    }

    private static List<byte[]> caExtensions(int pathLen) {
        return List.of(
                extension("2.5.29.15", true, Der.tlv(Der.BIT_STRING, new byte[] {1, 0x06})),
                extension("2.5.29.19", true, Der.sequence(Der.bool(true), Der.integer(pathLen))));
    }

    static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    static byte[] name(String cn) {
        return Der.sequence(
                Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("sigstore.test"))),
                Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(cn))));
    }

    private byte[] certificate(byte[] issuer, byte[] subject, PublicKey key, PrivateKey signer, String algOid,
            String alg, Instant from, Instant to, List<byte[]> exts) {
        byte[] tbs = tbs(serials.incrementAndGet(), issuer, subject, key, algOid, from, to, exts);
        return signed(tbs, algOid, alg, signer);
    }

    private static byte[] tbs(long serial, byte[] issuer, byte[] subject, PublicKey key, String algOid, Instant from,
            Instant to, List<byte[]> exts) {
        return Der.sequence(
                Der.tagged(0, true, Der.integer(2)),
                Der.integer(BigInteger.valueOf(serial)),
                Der.sequence(Der.oid(algOid)),
                issuer,
                Der.sequence(utcTime(from), utcTime(to)),
                subject,
                key.getEncoded(),
                Der.tagged(3, true, Der.sequence(exts.toArray(new byte[0][]))));
    }

    private static byte[] signed(byte[] tbs, String algOid, String alg, PrivateKey signer) {
        return Der.sequence(tbs, Der.sequence(Der.oid(algOid)), Der.bitString(sign(alg, signer, tbs)));
    }

    static byte[] utcTime(Instant t) {
        return Der.tlv(Der.UTC_TIME, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sign(String alg, PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static java.security.cert.X509Certificate parse(byte[] der) {
        try {
            return Pem.parseCertificate(der);
        } catch (AttestationException e) {
            throw new IllegalStateException(e);
        }
    }
}
