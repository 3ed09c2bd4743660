package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.json.Json;
import io.github.yogs0ddhoth.pypi.json.JsonValue;
import io.github.yogs0ddhoth.pypi.http.ExchangeTimeoutException;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The index's side of trusted publishing: it announces the audience the ID token must carry, and mints a
 * short-lived upload token for an ID token whose claims match a registered publisher.
 */
final class TokenExchange {
    static final String AUDIENCE_TITLE = "The index does not offer trusted publishing";
    static final String MINT_TITLE = "PyPI refused to exchange the ID token for an upload token";

    private final String origin;
    private final TextExchange http;
    private final SecretMasker masker;

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

    /** The audience the ID token must be issued for: {@code pypi} on PyPI, {@code testpypi} on TestPyPI. */
    public String audience() throws IdentityException {
        HttpGet get = new HttpGet(audienceUrl());
        get.setHeader("Accept", "application/json");
        HttpReply reply = send(get, audienceUrl());
        if (reply.status() == 403) {
            throw new IdentityException(AUDIENCE_TITLE, "The index at " + origin + " has trusted publishing disabled"
                    + " (GET " + audienceUrl() + " answered 403). PyPI's admins can switch it off during an incident:"
                    + " check https://status.python.org/, retry later, or ask the index's admins.", null);
        }
        if (reply.status() == 404) {
            throw new IdentityException(AUDIENCE_TITLE, "The index at " + origin + " does not support trusted"
                    + " publishing (GET " + audienceUrl() + " answered 404). Check repositoryUrl: it must be the"
                    + " upload URL of PyPI, TestPyPI or another index that implements trusted publishing.", null);
        }
        if (reply.isRedirect()) {
            throw new IdentityException("GET " + audienceUrl() + " answered " + reply.statusLine()
                    + (reply.location() == null ? "" : " redirecting to " + reply.location())
                    + ". Redirects are not followed: a token must go only where repositoryUrl says. The URL is most"
                    + " likely wrong: set repositoryUrl to the index's upload URL itself (PyPI's is"
                    + " https://upload.pypi.org/legacy/, TestPyPI's https://test.pypi.org/legacy/).");
        }
        if (RetryPolicy.isRetryableStatus(reply.status())) {
            throw new IdentityException("GET " + audienceUrl() + " answered " + reply.statusLine()
                    + ". The index is overloaded or down: retry later, and check https://status.python.org/.", null,
                    true, reply.retryAfter());
        }
        if (!reply.isSuccess()) {
            throw new IdentityException("GET " + audienceUrl() + " answered " + reply.statusLine()
                    + ". Is repositoryUrl the upload URL of an index with trusted publishing?");
        }
        JsonValue node = readJson(reply);
        JsonValue audience = node == null ? null : node.get("audience");
        if (audience == null || !audience.isTextual() || audience.asText().isBlank()) {
            throw new IdentityException("GET " + audienceUrl() + " answered " + reply.statusLine()
                    + " without a JSON string field 'audience'. Is repositoryUrl really a PyPI upload URL?");
        }
        return audience.asText();
    }

    /** Exchanges the ID token; failures are explained without a link to the project's publishers. */
    public UploadToken mint(IdToken idToken) throws MintException {
        return mint(idToken, PublishingPage.forIndex(origin, null), false);
    }

    /**
     * Exchanges the ID token for a short-lived upload token, which is masked before this returns.
     *
     * @param page             where the project's publishers are managed, named in failure messages
     * @param publisherChecked true when the token's claims already matched a declared publisher, which narrows an
     *                         {@code invalid-publisher} down to the registration on PyPI
     * @throws MintException when PyPI refuses, or answers something unusable; the message names cause and fix
     */
    public UploadToken mint(IdToken idToken, PublishingPage page, boolean publisherChecked) throws MintException {
        HttpPost post = new HttpPost(mintUrl());
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(Json.object("token", idToken.value()), ContentType.APPLICATION_JSON));
        PublisherKind kind = PublisherKind.ofIssuer(idToken.claim("iss"));
        HttpReply reply;
        try {
            reply = send(post, mintUrl());
        } catch (IdentityException e) {
            throw new MintException(MINT_TITLE, e.getMessage(), null, 0, List.of(), null);
        }
        JsonValue node = readJson(reply);
        if (reply.isSuccess()) {
            JsonValue token = node == null ? null : node.get("token");
            if (token == null || !token.isTextual() || token.asText().isBlank()) {
                throw failure("POST " + mintUrl() + " answered " + reply.statusLine()
                        + " but gave no token. This points at a server problem: wait a few minutes and retry;"
                        + " check https://status.python.org/.", reply, List.of(), idToken, kind);
            }
            // Masked before anything else happens with it.
            masker.register(token.asText());
            JsonValue expires = node.get("expires");
            Instant expiresAt = expires != null && expires.canConvertToLong()
                    ? Instant.ofEpochSecond(expires.asLong()) : null;
            return new UploadToken(token.asText(), expiresAt);
        }
        if (node == null || !node.path("errors").isArray()) {
            throw failure("POST " + mintUrl() + " answered " + reply.statusLine()
                    + " with a body that is not PyPI's JSON error format. This strongly suggests a server"
                    + " configuration or downtime issue: wait a few minutes and try again; check"
                    + " https://status.python.org/.", reply, List.of(), idToken, kind);
        }
        List<MintError> errors = new ArrayList<>();
        StringBuilder m = new StringBuilder("PyPI refused to mint an upload token (POST ").append(mintUrl())
                .append(" answered ").append(reply.statusLine()).append("):");
        for (JsonValue error : node.get("errors")) {
            String code = error.path("code").asText("");
            // A server may echo what it was sent; the description is redacted like everything we print.
            String description = masker.redact(error.path("description").asText(""));
            errors.add(new MintError(code, description));
            m.append("\n  * ").append(code).append(": ").append(description);
            MintFailure failure = MintFailure.of(code);
            if (failure != null) {
                MintFailure.Explanation why = failure.explain(description, kind, page);
                m.append("\n    Cause: ").append(why.cause()).append("\n    Fix: ").append(why.fix());
                if (publisherChecked && failure == MintFailure.INVALID_PUBLISHER) {
                    m.append("\n    These claims matched the publisher declared in the pom (pypi.publisher.*)"
                            + " before the exchange, so it is the publisher registered on PyPI that differs from"
                            + " the declaration: correct it at ").append(page.url());
                }
            }
        }
        throw failure(m.toString(), reply, errors, idToken, kind);
    }

    private static MintException failure(String message, HttpReply reply, List<MintError> errors, IdToken idToken,
            PublisherKind kind) {
        // A token whose issuer PyPI does not know (GitHub Enterprise, say) is most likely GitHub-shaped.
        PublisherKind claimsOf = kind == null ? PublisherKind.GITHUB : kind;
        String text = message + "\n" + ClaimsReport.debugText(idToken, claimsOf);
        String markdown = "### " + MINT_TITLE + "\n\n```\n" + message.replace("```", "'''") + "\n```\n\n"
                + ClaimsReport.debugMarkdown(idToken, claimsOf);
        return new MintException(MINT_TITLE, text, markdown, reply.status(), errors, reply.retryAfter());
    }

    private HttpReply send(ClassicHttpRequest request, String url) throws IdentityException {
        try {
            return http.send(request);
        } catch (InterruptedIOException e) {
            throw new IdentityException(request.getMethod() + " " + url + " timed out"
                    + (e instanceof ExchangeTimeoutException t ? " (no complete answer within "
                            + t.limitText() + ", pypi.exchangeTimeout)" : "")
                    + ". The index may be slow or unreachable: retry, and check https://status.python.org/.", e);
        } catch (IOException e) {
            throw new IdentityException(request.getMethod() + " " + url + " failed: " + e.getClass().getSimpleName()
                    + ": " + masker.redact(String.valueOf(e.getMessage())) + ". Check the network, a proxy, or"
                    + " the repositoryUrl.", e);
        }
    }

    private JsonValue readJson(HttpReply reply) {
        try {
            JsonValue node = Json.parse(reply.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
