package io.github.yogs0ddhoth.pypi.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The index's side of trusted publishing: it announces the audience the ID token must carry, and mints a
 * short-lived upload token for an ID token whose claims match a registered publisher.
 */
public final class TokenExchange {
    /** Claims that identify the workflow but grant nothing; shown to help compare with the publisher on PyPI. */
    static final List<String> DEBUG_CLAIMS = List.of("iss", "sub", "repository", "repository_owner",
            "repository_owner_id", "workflow_ref", "job_workflow_ref", "ref", "environment", "event_name");

    private final String origin;
    private final TextExchange http;
    private final SecretMasker masker;
    private final ObjectMapper json = new ObjectMapper();

    /** @param origin the index's {@code scheme://authority}; the OIDC endpoints live there */
    public TokenExchange(String origin, TextExchange http, SecretMasker masker) {
        this.origin = origin;
        this.http = http;
        this.masker = masker;
    }

    public String audienceUrl() {
        return origin + "/_/oidc/audience";
    }

    public String mintUrl() {
        return origin + "/_/oidc/mint-token";
    }

    public String audience() throws IdentityException {
        HttpGet get = new HttpGet(audienceUrl());
        get.setHeader("Accept", "application/json");
        HttpReply reply = send(get, audienceUrl());
        if (reply.status() == 403) {
            throw new IdentityException("The index at " + origin + " has trusted publishing disabled (GET "
                    + audienceUrl() + " answered 403). Check https://status.python.org/ or ask the index's admins.");
        }
        if (reply.status() == 404) {
            throw new IdentityException("The index at " + origin + " does not support trusted publishing (GET "
                    + audienceUrl() + " answered 404). Check repositoryUrl: it must be the upload URL of PyPI,"
                    + " TestPyPI or another index that implements trusted publishing.");
        }
        if (!reply.isSuccess()) {
            throw new IdentityException("GET " + audienceUrl() + " answered " + reply.statusLine()
                    + ". The index may be down: retry later, and check https://status.python.org/.");
        }
        JsonNode node = readJson(reply);
        JsonNode audience = node == null ? null : node.get("audience");
        if (audience == null || !audience.isTextual() || audience.asText().isBlank()) {
            throw new IdentityException("GET " + audienceUrl() + " answered " + reply.statusLine()
                    + " without a JSON string field 'audience'. Is repositoryUrl really a PyPI upload URL?");
        }
        return audience.asText();
    }

    public UploadToken mint(IdToken idToken) throws IdentityException {
        ObjectNode body = json.createObjectNode().put("token", idToken.value());
        HttpPost post = new HttpPost(mintUrl());
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        HttpReply reply = send(post, mintUrl());
        JsonNode node = readJson(reply);
        if (reply.isSuccess()) {
            JsonNode token = node == null ? null : node.get("token");
            if (token == null || !token.isTextual() || token.asText().isBlank()) {
                throw new IdentityException("POST " + mintUrl() + " answered " + reply.statusLine()
                        + " but gave no token. This points at a server problem: wait a few minutes and retry;"
                        + " check https://status.python.org/.");
            }
            // Masked before anything else happens with it.
            masker.register(token.asText());
            JsonNode expires = node.get("expires");
            Instant expiresAt = expires != null && expires.canConvertToLong()
                    ? Instant.ofEpochSecond(expires.asLong()) : null;
            return new UploadToken(token.asText(), expiresAt);
        }
        if (node == null || !node.has("errors")) {
            throw new IdentityException("POST " + mintUrl() + " answered " + reply.statusLine()
                    + " with a body that is not PyPI's JSON error format. This strongly suggests a server"
                    + " configuration or downtime issue: wait a few minutes and try again; check"
                    + " https://status.python.org/." + renderClaims(idToken));
        }
        StringBuilder m = new StringBuilder("PyPI refused to mint an upload token (POST ").append(mintUrl())
                .append(" answered ").append(reply.statusLine()).append("):");
        for (JsonNode error : node.get("errors")) {
            String code = error.path("code").asText("");
            String description = masker.redact(error.path("description").asText(""));
            m.append("\n  * ").append(code).append(": ").append(description);
            MintFailure failure = MintFailure.of(code);
            if (failure != null) {
                m.append("\n    Cause: ").append(failure.cause()).append("\n    Fix: ").append(failure.fix());
            }
        }
        m.append(renderClaims(idToken));
        throw new IdentityException(m.toString());
    }

    /** The claims are not secret and are what PyPI matched against; only the token itself is. */
    static String renderClaims(IdToken token) {
        StringBuilder m = new StringBuilder("\nClaims of the ID token, for debugging (the token itself is not shown;"
                + " do not register a publisher from these unless they match what you expect):");
        for (String claim : DEBUG_CLAIMS) {
            String value = token.claim(claim);
            m.append("\n    ").append(claim).append(": ").append(value == null ? "MISSING" : value);
        }
        return m.toString();
    }

    private HttpReply send(org.apache.hc.core5.http.ClassicHttpRequest request, String url) throws IdentityException {
        try {
            return http.send(request);
        } catch (InterruptedIOException e) {
            throw new IdentityException(request.getMethod() + " " + url + " timed out. The index may be slow or"
                    + " unreachable: retry, and check https://status.python.org/.", e);
        } catch (IOException e) {
            throw new IdentityException(request.getMethod() + " " + url + " failed: " + e.getClass().getSimpleName()
                    + ": " + masker.redact(String.valueOf(e.getMessage())) + ". Check the network, a proxy, or"
                    + " the repositoryUrl.", e);
        }
    }

    private JsonNode readJson(HttpReply reply) {
        try {
            JsonNode node = json.readTree(reply.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
