package io.github.yogs0ddhoth.pypi.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A response whose body was read as text.
 *
 * @param reason     the status line's reason phrase; PyPI puts its whole error message there, HTTP/2 drops it
 * @param location   the {@code Location} header, or null
 * @param retryAfter how long the server asked to wait before trying again ({@code Retry-After}), or null
 * @param headers    the first value of each response header, by lower-case name
 */
public record HttpReply(int status, String reason, String contentType, String body, String location,
        Duration retryAfter, Map<String, String> headers) {
    public HttpReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public HttpReply(int status, String reason, String contentType, String body, String location) {
        this(status, reason, contentType, body, location, null, Map.of());
    }

    /** The first value of a response header, or null; names are case-insensitive. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /** The status line as a person reads it, e.g. {@code 403 Forbidden}. */
    public String statusLine() {
        return reason == null || reason.isBlank() ? Integer.toString(status) : status + " " + reason;
    }
}
