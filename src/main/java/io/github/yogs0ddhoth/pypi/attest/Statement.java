package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The in-toto v1 Statement of a PEP 740 publish attestation: exactly one subject (the file name as uploaded and
 * its sha256) and the publish predicate with a null body.
 *
 * @param fileName the distribution's file name, no directory
 * @param sha256   the file's SHA-256 in lower-case hex
 */
public record Statement(String fileName, String sha256) {
    public static final String TYPE = "https://in-toto.io/Statement/v1";
    public static final String PUBLISH_PREDICATE = "https://docs.pypi.org/attestations/publish/v1";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final JsonFactory JSON = new JsonFactory();

    public Statement {
        if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("A statement's subject is a bare file name, got '" + fileName + "'");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("A statement's sha256 is 64 lower-case hex digits, got '" + sha256
                    + "'");
        }
    }

    /**
     * The bytes that are signed, in the exact form pypi-attestations writes (compact JSON, this key order): the
     * signature covers these bytes, so they are produced once and then carried as they are.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("_type", TYPE);
            g.writeArrayFieldStart("subject");
            g.writeStartObject();
            g.writeStringField("name", fileName);
            g.writeObjectFieldStart("digest");
            g.writeStringField("sha256", sha256);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("predicateType", PUBLISH_PREDICATE);
            g.writeNullField("predicate");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads signed statement bytes the way PyPI does: an in-toto v1 Statement with exactly one subject that has a
     * sha256 digest and the publish predicate type.
     */
    public static Statement parse(byte[] bytes) throws AttestationException {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AttestationException("The attestation's statement is not JSON (" + e.getOriginalMessage()
                    + ").");
        } catch (IOException e) {
            throw new AttestationException("The attestation's statement cannot be read (" + e.getMessage() + ").");
        }
        if (node == null || !node.isObject()) {
            throw new AttestationException("The attestation's statement is not a JSON object.");
        }
        String type = node.path("_type").asText(null);
        if (!TYPE.equals(type)) {
            throw new AttestationException("The attestation's statement has _type '" + type + "'; expected '" + TYPE
                    + "'.");
        }
        String predicateType = node.path("predicateType").asText(null);
        if (!PUBLISH_PREDICATE.equals(predicateType)) {
            throw new AttestationException("The attestation's statement has predicateType '" + predicateType
                    + "'; expected '" + PUBLISH_PREDICATE + "'.");
        }
        JsonNode subjects = node.path("subject");
        if (!subjects.isArray() || subjects.size() != 1) {
            throw new AttestationException("The attestation's statement has " + (subjects.isArray()
                    ? subjects.size() + " subjects" : "no subject list") + "; PyPI requires exactly one.");
        }
        JsonNode subject = subjects.get(0);
        String name = subject.path("name").asText(null);
        String digest = subject.path("digest").path("sha256").asText(null);
        try {
            return new Statement(name, digest);
        } catch (IllegalArgumentException e) {
            throw new AttestationException("The attestation's statement subject is unusable: " + e.getMessage()
                    + ".");
        }
    }
}
