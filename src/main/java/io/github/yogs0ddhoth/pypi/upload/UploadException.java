package io.github.yogs0ddhoth.pypi.upload;

/** One file could not be uploaded; the message carries the server's own words and what to do. */
public class UploadException extends Exception {
    private final int status;
    private final String serverMessage;

    public UploadException(String message, int status, String serverMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
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
