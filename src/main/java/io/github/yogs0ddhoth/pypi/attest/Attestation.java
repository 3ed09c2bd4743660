package io.github.yogs0ddhoth.pypi.attest;

/**
 * A PEP 740 attestation object (version 1): the signing certificate, one transparency log entry, and the DSSE
 * statement with its signature. {@link AttestationJson} reads and writes the JSON PyPI takes.
 *
 * @param certificate the Fulcio leaf certificate, DER
 * @param entry       the Rekor entry that logged the signature
 * @param statement   the in-toto statement bytes exactly as signed
 * @param signature   the DER ECDSA signature over the DSSE pre-authentication encoding of {@code statement}
 */
record Attestation(byte[] certificate, TransparencyLogEntry entry, byte[] statement, byte[] signature) {
    /** The conventional file name beside a distribution, as gh-action-pypi-publish and twine use it. */
    public static String fileNameFor(String distributionFileName) {
        return distributionFileName + ".publish.attestation";
    }

    public String toJson() {
        return AttestationJson.write(this);
    }

    public static Attestation parse(String json) throws AttestationException {
        return AttestationJson.read(json);
    }
}
