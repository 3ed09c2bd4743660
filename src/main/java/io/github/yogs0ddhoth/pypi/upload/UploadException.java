package io.github.yogs0ddhoth.pypi.upload;

import java.time.Duration;

/** One file could not be uploaded; the message carries the server's own words and what to do. */
public class UploadException extends Exception {
    private final int status;
    private final String serverMessage;
    private final Duration retryAfter;

    public UploadException(String message, int status, String serverMessage, Throwable cause) {
        this(message, status, serverMessage, cause, null);
    }

    /** @param retryAfter the wait the index asked for ({@code Retry-After}), or null */
    public UploadException(String message, int status, String serverMessage, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.retryAfter = retryAfter;
    }

    /** The wait the index asked for before another try, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** What the index itself said, without our advice; empty when it said nothing. */
    public String serverMessage() {
        return serverMessage;
    }

    /** No answer, or an answer that says nothing about whether the file was stored. */
    public boolean isUncertain() {
        return status == 0 || status == 429 || status >= 500;
    }
}
