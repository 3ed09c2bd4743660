package io.github.yogs0ddhoth.pypi.upload;

/** One file could not be uploaded; the message carries the server's own words and what to do. */
public class UploadException extends Exception {
    private final int status;

    public UploadException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
