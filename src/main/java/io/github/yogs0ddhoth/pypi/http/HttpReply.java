package io.github.yogs0ddhoth.pypi.http;

/**
 * A response whose body was read as text.
 *
 * @param reason   the status line's reason phrase; PyPI puts its whole error message there, HTTP/2 drops it
 * @param location the {@code Location} header, or null
 */
public record HttpReply(int status, String reason, String contentType, String body, String location) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** The status line as a person reads it, e.g. {@code 403 Forbidden}. */
    public String statusLine() {
        return reason == null || reason.isBlank() ? Integer.toString(status) : status + " " + reason;
    }
}
