package io.github.yogs0ddhoth.pypi.attest;

/** The checks PyPI runs on an attestation, each of which the local verifier repeats before upload. */
public enum Check {
    STATEMENT("the in-toto statement", null),
    SUBJECT("the statement's subject against the file", null),
    SIGNATURE("the DSSE signature with the certificate's key", null),
    CERTIFICATE_CHAIN("the certificate chain to the trust root's Fulcio CA at the integrated time", "Fulcio"),
    CERTIFICATE_TRANSPARENCY("the certificate's embedded SCT against the trust root's CT logs", "Fulcio"),
    IDENTITY("the certificate's identity against the trusted publisher", "Fulcio"),
    LOG_ENTRY("the Rekor entry's kind and log", "Rekor"),
    BODY("the Rekor entry body against the envelope and certificate", "Rekor"),
    SIGNED_ENTRY_TIMESTAMP("the signed entry timestamp with the trust root's Rekor key", "Rekor"),
    INCLUSION_PROOF("the RFC 6962 inclusion proof", "Rekor"),
    CHECKPOINT("the signed checkpoint with the trust root's Rekor key", "Rekor");

    private final String description;
    private final String service;

    Check(String description, String service) {
        this.description = description;
        this.service = service;
    }

    public String description() {
        return description;
    }

    /**
     * The Sigstore service whose answer this check holds to account ("Fulcio" for the certificate, "Rekor" for the
     * log entry), or null for what the plugin itself makes (statement, signature).
     */
    public String service() {
        return service;
    }
}
