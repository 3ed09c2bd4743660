package io.github.yogs0ddhoth.pypi.attest;

/** An attestation failed one of PyPI's checks; PyPI would refuse the file with a 400. */
class VerificationException extends AttestationException {
    private static final long serialVersionUID = 1L;
    private final Check check;

    public VerificationException(Check check, String message) {
        super("Attestation check failed: " + check.description() + ". " + message);
        this.check = check;
    }

    /** The same failure, with where it happened in front: the file and the service that answered. */
    VerificationException(String context, VerificationException cause) {
        super(context + cause.getMessage(), cause);
        this.check = cause.check;
    }

    public Check check() {
        return check;
    }
}
