package io.github.yogs0ddhoth.pypi.attest;

/**
 * One Rekor v1 entry in the shape of Sigstore's protobuf-specs {@code TransparencyLogEntry}, which is how a PEP 740
 * attestation carries it.
 *
 * @param logIndex             the entry's global index in the log (what search.sigstore.dev looks up)
 * @param logKeyId             the log's id: SHA-256 of its public key (DER SubjectPublicKeyInfo)
 * @param kind                 the entry type, {@code dsse} for attestations
 * @param kindVersion          the entry type's version, {@code 0.0.1}
 * @param integratedTime       when the log took the entry, in Unix seconds; the time everything is verified at
 * @param signedEntryTimestamp the log's signature over the entry (the inclusion promise, SET)
 * @param inclusionProof       the Merkle proof and signed checkpoint
 * @param canonicalizedBody    the entry body exactly as the log stored and hashed it
 */
record TransparencyLogEntry(long logIndex, byte[] logKeyId, String kind, String kindVersion,
        long integratedTime, byte[] signedEntryTimestamp, InclusionProof inclusionProof, byte[] canonicalizedBody) {
}
