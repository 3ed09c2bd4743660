package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Dead Simple Signing Envelope v1: what is signed, and the envelope Rekor's {@code dsse} type takes. */
final class Dsse {
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
    private static final JsonFactory JSON = new JsonFactory();

    private Dsse() {}

    /**
     * The pre-authentication encoding {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}. The lengths are
     * byte counts in ASCII decimal: a character count would differ as soon as a payload holds non-ASCII text.
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] mid = (" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + type.length + mid.length + payload.length];
        int at = 0;
        System.arraycopy(head, 0, out, at, head.length);
        at += head.length;
        System.arraycopy(type, 0, out, at, type.length);
        at += type.length;
        System.arraycopy(mid, 0, out, at, mid.length);
        at += mid.length;
        System.arraycopy(payload, 0, out, at, payload.length);
        return out;
    }

    /**
     * The envelope in Sigstore's protobuf JSON form, with one signature and no key id, as Rekor's {@code dsse}
     * entry takes it (a string inside the proposed entry).
     */
    public static String envelopeJson(String payloadType, byte[] payload, byte[] signature) {
        Base64.Encoder b64 = Base64.getEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("payload", b64.encodeToString(payload));
            g.writeStringField("payloadType", payloadType);
            g.writeArrayFieldStart("signatures");
            g.writeStartObject();
            g.writeStringField("sig", b64.encodeToString(signature));
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
