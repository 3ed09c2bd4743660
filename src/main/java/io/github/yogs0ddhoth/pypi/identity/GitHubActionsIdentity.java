package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.json.Json;
import io.github.yogs0ddhoth.pypi.json.JsonValue;
import io.github.yogs0ddhoth.pypi.http.Endpoints;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * GitHub Actions: the runner exposes a token endpoint to jobs that have {@code permissions: id-token: write}.
 */
final class GitHubActionsIdentity implements IdentityProvider {
    static final String REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    static final String REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    private final Map<String, String> env;
    private final TextExchange http;
    private final SecretMasker masker;

    public GitHubActionsIdentity(Map<String, String> env, TextExchange http, SecretMasker masker) {
        this.env = env;
        this.http = http;
        this.masker = masker;
    }

    @Override
    public PublisherKind kind() {
        return PublisherKind.GITHUB;
    }

    @Override
    public void maskEnvironmentSecrets() {
        masker.register(blankToNull(env.get(REQUEST_TOKEN)));
    }

    @Override
    public IdToken fetchIdToken(String audience) throws IdentityException {
        String requestToken = blankToNull(env.get(REQUEST_TOKEN));
        String requestUrl = blankToNull(env.get(REQUEST_URL));
        // Masked first: nothing this job prints from here on may show it.
        masker.register(requestToken);
        // Refused before the request: PyPI would refuse these runs anyway, and a fork's run gets no token.
        String refusal = new GitHubContext(env).refusal();
        if (refusal != null) {
            throw new IdentityException("Refusing to publish from this GitHub Actions run", refusal, null);
        }
        if (requestToken == null || requestUrl == null) {
            throw new IdentityException(missingPermissionMessage(requestUrl == null ? REQUEST_URL : REQUEST_TOKEN));
        }
        URI uri;
        try {
            uri = new URI(withAudience(requestUrl, audience));
        } catch (URISyntaxException e) {
            // The value itself is not shown: it may carry credentials.
            throw new IdentityException("GitHub's OIDC token request URL (" + REQUEST_URL + ") is not a valid URL: "
                    + e.getReason() + " at index " + e.getIndex() + ". It is set by the runner: re-run the job, and"
                    + " check that no step overrides it.");
        }
        try {
            uri = Endpoints.requireSecure(uri, REQUEST_URL);
        } catch (IllegalArgumentException e) {
            throw new IdentityException("GitHub's OIDC token request URL is unusable: " + e.getMessage());
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Authorization", "bearer " + requestToken);
        get.setHeader("Accept", "application/json; api-version=2.0");
        HttpReply reply;
        try {
            reply = http.send(get);
        } catch (InterruptedIOException e) {
            throw new IdentityException("GitHub's OIDC token request to " + Endpoints.shownOrigin(uri)
                    + " timed out. This is usually a transient runner problem: re-run the job.", e);
        } catch (IOException e) {
            throw new IdentityException("GitHub's OIDC token request to " + Endpoints.shownOrigin(uri) + " failed: "
                    + e.getClass().getSimpleName() + ": " + masker.redact(e.getMessage())
                    + ". Re-run the job; if it persists, check https://www.githubstatus.com/.", e);
        }
        if (!reply.isSuccess()) {
            // 429 and 5xx pass; anything else is this job's to fix.
            throw new IdentityException("GitHub's OIDC token endpoint answered " + reply.statusLine()
                    + " instead of a token. Body: " + snippet(masker.redact(reply.body()))
                    + "\nA 401 or 403 here usually means the job lacks 'permissions: id-token: write'.", null,
                    RetryPolicy.isRetryableStatus(reply.status()), reply.retryAfter());
        }
        String value;
        try {
            JsonValue node = Json.parse(reply.body()).get("value");
            value = node != null && node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            value = null;
        }
        if (value == null || value.isBlank()) {
            throw new IdentityException("GitHub's OIDC token endpoint answered " + reply.statusLine()
                    + " without a JSON string field 'value'. This points at a runner problem: re-run the job.");
        }
        masker.register(value);
        return IdToken.parse(value, "GitHub's OIDC token endpoint");
    }

    /** The request URL already carries a query ({@code api-version=2.0}), which must be kept. */
    static String withAudience(String requestUrl, String audience) {
        String separator = requestUrl.contains("?") ? "&" : "?";
        return requestUrl + separator + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
    }

    private String missingPermissionMessage(String missing) {
        StringBuilder m = new StringBuilder()
                .append("GitHub Actions gave this job no OIDC token: the environment variable ").append(missing)
                .append(" is not set.\n")
                .append("GitHub sets ").append(REQUEST_URL).append(" and ").append(REQUEST_TOKEN)
                .append(" only for jobs allowed to request an ID token. Grant it at job level in your workflow:\n\n")
                .append("  jobs:\n")
                .append("    publish:\n")
                .append("      environment: pypi\n")
                .append("      permissions:\n")
                .append("        id-token: write\n\n")
                .append("See https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/"
                        + "about-security-hardening-with-openid-connect#adding-permissions-settings");
        if ("pull_request".equals(env.get("GITHUB_EVENT_NAME"))) {
            m.append("\nThis run was triggered by 'pull_request'. GitHub never gives OIDC tokens to pull requests"
                    + " from forks, even with 'id-token: write'. Publish from an event forks cannot trigger:"
                    + " a tag push, a release, or workflow_dispatch.");
        }
        return m.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String snippet(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.isEmpty() ? "(empty)" : oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
