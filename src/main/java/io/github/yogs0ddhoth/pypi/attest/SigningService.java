package io.github.yogs0ddhoth.pypi.attest;

/**
 * One service entry of a Sigstore SigningConfig v0.2.
 *
 * @param majorApiVersion 1 for Fulcio and Rekor v1; Rekor v2 logs are listed with 2
 */
record SigningService(String url, int majorApiVersion, Validity validFor, String operator) {
}
