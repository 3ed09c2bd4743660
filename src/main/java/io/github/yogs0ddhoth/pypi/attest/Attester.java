package io.github.yogs0ddhoth.pypi.attest;

import java.util.List;
import java.util.Map;

/** Makes the PEP 740 publish attestations of a release: what the publish flow calls once, before any upload. */
interface Attester {
    /**
     * Signs, logs and verifies one attestation per file.
     *
     * @param files         each file's name and sha256, as a statement subject
     * @param sigstoreToken the CI's OIDC token of audience {@code sigstore}; a secret
     * @return the attestations by file name, in the order given
     * @throws AttestationException when any file cannot be attested; then none may be uploaded with one
     */
    Map<String, Attestation> attest(List<Statement> files, String sigstoreToken) throws AttestationException;
}
