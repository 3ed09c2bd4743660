/**
 * PEP 740 publish attestations, signed keylessly with Sigstore: the in-toto statement for one file, its DSSE
 * envelope signed with an ephemeral P-256 key, a Fulcio certificate for that key, a Rekor v1 {@code dsse} entry, and
 * the attestation object PyPI's upload form takes. Also the local verifier that checks an attestation the way PyPI
 * will before anything is uploaded, and the Sigstore trust configuration both rely on.
 *
 * <p>{@link io.github.yogs0ddhoth.pypi.attest.ReleaseAttester} is what the publish flow calls, once per release after
 * the mint and before the first upload; {@link io.github.yogs0ddhoth.pypi.attest.SigstoreAttester} signs,
 * {@link io.github.yogs0ddhoth.pypi.attest.AttestationVerifier} checks, and
 * {@link io.github.yogs0ddhoth.pypi.attest.TrustConfig} says with which services and keys.
 *
 * <p>Built on the JDK, Jackson and httpclient5 only: sigstore-java signs DSSE only against Rekor v2, which PyPI
 * cannot verify yet. The package knows nothing about Maven or about how the CI token was obtained; the private key
 * never leaves {@link io.github.yogs0ddhoth.pypi.attest.EphemeralKey}.
 */
package io.github.yogs0ddhoth.pypi.attest;
