package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * What the Fulcio and Rekor clients share: a deadline on every exchange, the body cap of {@link TextExchange}, one
 * retry budget per operation for overload and transport errors, and redaction of whatever a server echoes back.
 */
final class SigstoreHttp {
    /** Fulcio and Rekor answer in well under a second; a minute of silence means the service is in trouble. */
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A service's base URL as configured, so that paths can be appended to it with one slash. */
    static String withoutTrailingSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private final TextExchange http;
    private final Duration deadline;
    private final RetryPolicy retries;
    private final SecretMasker masker;
    private final Consumer<String> retryLog;

    SigstoreHttp(TextExchange http, RetryPolicy retries, SecretMasker masker, Consumer<String> retryLog) {
        this(http, DEADLINE, retries, masker, retryLog);
    }

    /** @param deadline the longest wait for an answer to one attempt */
    SigstoreHttp(TextExchange http, Duration deadline, RetryPolicy retries, SecretMasker masker,
            Consumer<String> retryLog) {
        this.http = http;
        this.deadline = deadline;
        this.retries = retries;
        this.masker = masker;
        this.retryLog = retryLog;
    }

    /**
     * Sends a fresh request from {@code request} until it gets an answer that is not 429 or 5xx, or the budget is
     * spent. Both services are safe to ask again: another certificate costs nothing, and Rekor answers 409 with the
     * existing entry for a repeated one.
     */
    HttpReply send(String service, Supplier<HttpUriRequestBase> request) throws AttestationException {
        for (int attempt = 0; ; attempt++) {
            HttpUriRequestBase r = request.get();
            r.setConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(deadline.toMillis(), TimeUnit.MILLISECONDS))
                    .setConnectionRequestTimeout(Timeout.of(deadline.toMillis(), TimeUnit.MILLISECONDS))
                    .setRedirectsEnabled(false)
                    .build());
            String what = r.getMethod() + " " + r.getRequestUri();
            try {
                HttpReply reply = http.send(r);
                if (attempt < retries.retries() && RetryPolicy.isRetryableStatus(reply.status())) {
                    retryLog.accept(service + ": " + what + " answered " + reply.statusLine() + "; retrying ("
                            + (attempt + 1) + " of " + retries.retries() + ")");
                    retries.pauseBefore(attempt + 1);
                    continue;
                }
                return reply;
            } catch (IOException e) {
                if (attempt >= retries.retries()) {
                    throw new AttestationException(service + " could not be reached: " + what + " failed after "
                            + (attempt + 1) + " attempt(s) (" + e.getClass().getSimpleName() + ": "
                            + masker.redact(String.valueOf(e.getMessage())) + ").", e);
                }
                retryLog.accept(service + ": " + what + " failed (" + e.getClass().getSimpleName() + "); retrying ("
                        + (attempt + 1) + " of " + retries.retries() + ")");
                retries.pauseBefore(attempt + 1);
            }
        }
    }

    JsonNode json(String service, HttpReply reply) throws AttestationException {
        try {
            JsonNode n = MAPPER.readTree(reply.body());
            if (n == null || !n.isObject()) {
                throw new IOException("not an object");
            }
            return n;
        } catch (IOException e) {
            throw new AttestationException(service + " answered " + reply.statusLine() + " with a body that is not"
                    + " a JSON object: " + excerpt(reply.body()));
        }
    }

    /** The server's own words, short, redacted and on one line. */
    String excerpt(String body) {
        // Redacted before it is cut: a cut could leave a token's prefix that no longer matches the secret.
        String b = masker.redact(body == null ? "" : body.strip());
        if (b.length() > 300) {
            b = b.substring(0, 300) + "…";
        }
        return b.replace("\r", "\\r").replace("\n", "\\n");
    }
}
