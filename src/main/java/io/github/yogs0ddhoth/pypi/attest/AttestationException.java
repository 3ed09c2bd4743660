package io.github.yogs0ddhoth.pypi.attest;

/**
 * An attestation could not be made, read or verified. The message says what was wrong, the value seen and the
 * value expected, and never contains a token or key material.
 */
public class AttestationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AttestationException(String message) {
        super(message);
    }

    public AttestationException(String message, Throwable cause) {
        super(message, cause);
    }
}
