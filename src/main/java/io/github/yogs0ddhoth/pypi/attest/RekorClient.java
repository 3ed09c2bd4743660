package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Rekor's v1 API: logs a DSSE envelope as a {@code dsse} 0.0.1 entry and returns it in the protobuf-specs
 * TransparencyLogEntry shape a PEP 740 attestation carries. Only v1: PyPI cannot verify Rekor v2 entries yet.
 */
final class RekorClient {
    static final String SERVICE = "Rekor";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String baseUrl;
    private final SigstoreHttp http;

    RekorClient(String baseUrl, SigstoreHttp http) {
        this.baseUrl = SigstoreHttp.withoutTrailingSlash(baseUrl);
        this.http = http;
    }

    String url() {
        return baseUrl + "/api/v1/log/entries";
    }

    public TransparencyLogEntry createDsseEntry(String envelopeJson, X509Certificate certificate)
            throws AttestationException {
        ObjectNode body = MAPPER.createObjectNode().put("apiVersion", "0.0.1").put("kind", "dsse");
        ObjectNode content = body.putObject("spec").putObject("proposedContent");
        content.put("envelope", envelopeJson);
        content.putArray("verifiers").add(Base64.getEncoder().encodeToString(
                Pem.certificate(certificate).getBytes(StandardCharsets.UTF_8)));
        String json = body.toString();
        HttpReply reply = http.send(SERVICE, () -> {
            HttpPost post = new HttpPost(url());
            post.setHeader("Accept", "application/json");
            post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
            return post;
        });
        if (reply.status() == 409 && reply.location() != null) {
            // An earlier attempt was logged after all (its answer was lost): the log keeps one entry per envelope.
            String location = reply.location().startsWith("/") ? baseUrl + reply.location() : reply.location();
            if (!location.startsWith(baseUrl + "/")) {
                throw new AttestationException("Rekor answered 409 with a Location outside " + baseUrl + ": "
                        + http.excerpt(location));
            }
            reply = http.send(SERVICE, () -> {
                HttpGet get = new HttpGet(location);
                get.setHeader("Accept", "application/json");
                return get;
            });
        }
        if (!reply.isSuccess()) {
            throw new AttestationException("Rekor refused the log entry: POST " + url() + " answered "
                    + reply.statusLine() + ": " + http.excerpt(reply.body()) + (reply.status() >= 500
                    || reply.status() == 429 ? " Rekor is overloaded or down: retry later, see"
                    + " https://status.sigstore.dev/, or publish without attestations (-Dpypi.attestations=false)."
                    : ""));
        }
        return toEntry(http.json(SERVICE, reply));
    }

    /** {@code {"<uuid>": {body, integratedTime, logID, logIndex, verification}}} to the protobuf-specs shape. */
    static TransparencyLogEntry toEntry(JsonNode answer) throws AttestationException {
        Iterator<Map.Entry<String, JsonNode>> fields = answer.fields();
        if (!fields.hasNext()) {
            throw new AttestationException("Rekor answered with no log entry.");
        }
        JsonNode e = fields.next().getValue();
        if (fields.hasNext()) {
            throw new AttestationException("Rekor answered with more than one log entry for one envelope.");
        }
        try {
            byte[] body = Base64.getDecoder().decode(text(e, "body"));
            JsonNode decoded = MAPPER.readTree(body);
            JsonNode v = e.path("verification");
            JsonNode p = v.path("inclusionProof");
            if (!p.isObject()) {
                throw new AttestationException("Rekor's entry has no inclusion proof; PyPI requires one (is this"
                        + " Rekor older than v1.1?).");
            }
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode h : p.path("hashes")) {
                hashes.add(HexFormat.of().parseHex(h.asText()));
            }
            InclusionProof proof = new InclusionProof(number(p, "logIndex"), HexFormat.of().parseHex(
                    text(p, "rootHash")), number(p, "treeSize"), hashes, text(p, "checkpoint"));
            return new TransparencyLogEntry(number(e, "logIndex"), HexFormat.of().parseHex(text(e, "logID")),
                    decoded.path("kind").asText(), decoded.path("apiVersion").asText(), number(e, "integratedTime"),
                    Base64.getDecoder().decode(text(v, "signedEntryTimestamp")), proof, body);
        } catch (IllegalArgumentException | java.io.IOException ex) {
            throw new AttestationException("Rekor's log entry is malformed (" + ex.getMessage() + ").");
        }
    }

    private static String text(JsonNode n, String field) throws AttestationException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new AttestationException("Rekor's log entry has no text field '" + field + "'.");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field) throws AttestationException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new AttestationException("Rekor's log entry has no integer field '" + field + "'.");
        }
        return v.asLong();
    }
}
