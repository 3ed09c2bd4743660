package io.github.yogs0ddhoth.pypi.identity;

/** Proving who we are, or exchanging that proof for an upload token, failed. The message says why and how to fix it. */
public class IdentityException extends Exception {
    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
