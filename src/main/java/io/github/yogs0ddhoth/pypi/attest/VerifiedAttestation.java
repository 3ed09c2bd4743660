package io.github.yogs0ddhoth.pypi.attest;

import io.github.yogs0ddhoth.pypi.report.ReportWriter;
import java.time.Instant;

/**
 * An attestation that passed every check.
 *
 * @param logIndex       the Rekor entry's global index, what {@code https://search.sigstore.dev/?logIndex=N} shows
 * @param integratedTime when Rekor logged it
 */
record VerifiedAttestation(String fileName, long logIndex, Instant integratedTime, FulcioIdentity identity) {
    public String searchUrl() {
        return ReportWriter.searchUrl(logIndex);
    }
}
