package io.github.yogs0ddhoth.pypi.attest;

/** The checks PyPI runs on an attestation, each of which the local verifier repeats before upload. */
public enum Check {
    STATEMENT("the in-toto statement"),
    SUBJECT("the statement's subject against the file"),
    SIGNATURE("the DSSE signature with the certificate's key"),
    CERTIFICATE_CHAIN("the certificate chain to the trust root's Fulcio CA at the integrated time"),
    CERTIFICATE_TRANSPARENCY("the certificate's embedded SCT against the trust root's CT logs"),
    IDENTITY("the certificate's identity against the trusted publisher"),
    LOG_ENTRY("the Rekor entry's kind and log"),
    BODY("the Rekor entry body against the envelope and certificate"),
    SIGNED_ENTRY_TIMESTAMP("the signed entry timestamp with the trust root's Rekor key"),
    INCLUSION_PROOF("the RFC 6962 inclusion proof"),
    CHECKPOINT("the signed checkpoint with the trust root's Rekor key");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
