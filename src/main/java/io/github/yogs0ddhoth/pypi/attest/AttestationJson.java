package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEP 740 JSON form of an {@link Attestation}, with the transparency entry in protobuf JSON (camelCase keys,
 * 64-bit integers as strings, bytes as standard base64 without line breaks). Reading is as lenient as PyPI's
 * pydantic model about unknown keys and strict about the ones it needs.
 */
final class AttestationJson {
    /** An attestation is a few KiB; anything far larger is not one. */
    static final int MAX_CHARS = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AttestationJson() {}

    static String write(Attestation a) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode material = root.putObject("verification_material");
        material.put("certificate", b64.encodeToString(a.certificate()));
        material.putArray("transparency_entries").add(entry(a.entry()));
        ObjectNode envelope = root.putObject("envelope");
        envelope.put("statement", b64.encodeToString(a.statement()));
        envelope.put("signature", b64.encodeToString(a.signature()));
        return root.toString();
    }

    static ObjectNode entry(TransparencyLogEntry e) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("logIndex", Long.toString(e.logIndex()));
        n.putObject("logId").put("keyId", b64.encodeToString(e.logKeyId()));
        n.putObject("kindVersion").put("kind", e.kind()).put("version", e.kindVersion());
        n.put("integratedTime", Long.toString(e.integratedTime()));
        n.putObject("inclusionPromise").put("signedEntryTimestamp", b64.encodeToString(e.signedEntryTimestamp()));
        InclusionProof p = e.inclusionProof();
        ObjectNode proof = n.putObject("inclusionProof");
        proof.put("logIndex", Long.toString(p.logIndex()));
        proof.put("rootHash", b64.encodeToString(p.rootHash()));
        proof.put("treeSize", Long.toString(p.treeSize()));
        ArrayNode hashes = proof.putArray("hashes");
        p.hashes().forEach(h -> hashes.add(b64.encodeToString(h)));
        proof.putObject("checkpoint").put("envelope", p.checkpoint());
        n.put("canonicalizedBody", b64.encodeToString(e.canonicalizedBody()));
        return n;
    }

    static Attestation read(String json) throws AttestationException {
        if (json.length() > MAX_CHARS) {
            throw new AttestationException("The attestation is " + json.length() + " characters long; a PEP 740"
                    + " attestation is a few KiB (at most " + MAX_CHARS + " are read).");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AttestationException("The attestation is not JSON (" + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject()) {
            throw new AttestationException("The attestation is not a JSON object.");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != 1) {
            throw new AttestationException("The attestation has version " + version + "; expected 1.");
        }
        JsonNode material = object(root, "verification_material");
        byte[] certificate = bytes(material, "certificate", "verification_material.certificate");
        JsonNode entries = material.get("transparency_entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new AttestationException("The attestation has no transparency_entries; PyPI needs one Rekor"
                    + " entry.");
        }
        TransparencyLogEntry entry = readEntry(entries.get(0));
        JsonNode envelope = object(root, "envelope");
        return new Attestation(certificate, entry, bytes(envelope, "statement", "envelope.statement"),
                bytes(envelope, "signature", "envelope.signature"));
    }

    static TransparencyLogEntry readEntry(JsonNode e) throws AttestationException {
        String where = "transparency_entries[0]";
        if (!e.isObject()) {
            throw new AttestationException(where + " is not a JSON object.");
        }
        JsonNode kv = object(e, "kindVersion");
        JsonNode promise = object(e, "inclusionPromise");
        JsonNode proof = object(e, "inclusionProof");
        JsonNode hashesNode = proof.get("hashes");
        List<byte[]> hashes = new ArrayList<>();
        if (hashesNode != null && !hashesNode.isNull()) {
            if (!hashesNode.isArray()) {
                throw new AttestationException(where + ".inclusionProof.hashes is not a list.");
            }
            for (JsonNode h : hashesNode) {
                hashes.add(decode(h, where + ".inclusionProof.hashes[]"));
            }
        }
        InclusionProof inclusion = new InclusionProof(number(proof, "logIndex", where + ".inclusionProof.logIndex"),
                bytes(proof, "rootHash", where + ".inclusionProof.rootHash"),
                number(proof, "treeSize", where + ".inclusionProof.treeSize"), hashes,
                text(object(proof, "checkpoint"), "envelope", where + ".inclusionProof.checkpoint.envelope"));
        return new TransparencyLogEntry(number(e, "logIndex", where + ".logIndex"),
                bytes(object(e, "logId"), "keyId", where + ".logId.keyId"),
                text(kv, "kind", where + ".kindVersion.kind"), text(kv, "version", where + ".kindVersion.version"),
                number(e, "integratedTime", where + ".integratedTime"),
                bytes(promise, "signedEntryTimestamp", where + ".inclusionPromise.signedEntryTimestamp"), inclusion,
                bytes(e, "canonicalizedBody", where + ".canonicalizedBody"));
    }

    private static JsonNode object(JsonNode parent, String field) throws AttestationException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new AttestationException("The attestation has no object '" + field + "'.");
        }
        return n;
    }

    private static String text(JsonNode parent, String field, String where) throws AttestationException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw new AttestationException("The attestation has no text at " + where + ".");
        }
        return n.asText();
    }

    /** protobuf JSON writes int64 as a string, but accepts a number too. */
    private static long number(JsonNode parent, String field, String where) throws AttestationException {
        JsonNode n = parent.get(field);
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if (n != null && n.isTextual()) {
            try {
                return Long.parseLong(n.asText());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new AttestationException("The attestation has no integer at " + where + " (found " + n + ").");
    }

    private static byte[] bytes(JsonNode parent, String field, String where) throws AttestationException {
        return decode(parent.get(field), where);
    }

    private static byte[] decode(JsonNode n, String where) throws AttestationException {
        if (n == null || !n.isTextual()) {
            throw new AttestationException("The attestation has no base64 text at " + where + ".");
        }
        try {
            return Base64.getDecoder().decode(n.asText());
        } catch (IllegalArgumentException e) {
            throw new AttestationException("The attestation's " + where + " is not standard base64.");
        }
    }
}
