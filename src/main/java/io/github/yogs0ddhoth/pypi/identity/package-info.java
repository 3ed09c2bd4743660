/**
 * Proving who is publishing: CI detection, ID tokens and their claims, the check against the declared trusted
 * publisher, the token exchange, and the refusal of long-lived tokens.
 *
 * <p>{@link io.github.yogs0ddhoth.pypi.identity.CiContext} is the one place that knows the CI: built once from the
 * environment map and the host facts the mojo read (the DMI product name), it names the provider, whether it can
 * mint twice, and where GitHub takes the job summary and step outputs.
 * {@link io.github.yogs0ddhoth.pypi.identity.TrustedPublishing} runs the whole sequence, and its
 * {@link io.github.yogs0ddhoth.pypi.identity.TokenManager} holds the upload token for the uploads, minting again
 * before one would expire mid-upload where the CI can mint twice;
 * {@link io.github.yogs0ddhoth.pypi.identity.StoredTokenGuard} runs before anything else, applying
 * {@link io.github.yogs0ddhoth.pypi.identity.StoredCredentials}, the one definition of a stored credential that the
 * policy check applies to CI files too. This package knows nothing
 * about Maven: the environment comes in as a map, time as a {@link java.time.Clock}, endpoints as URLs. Every failure
 * is an {@link io.github.yogs0ddhoth.pypi.identity.IdentityException} whose message names the wrong value and the
 * fix, and never a token: each secret is registered with the run's
 * {@link io.github.yogs0ddhoth.pypi.report.SecretMasker} the moment it is obtained, before anything could print it.
 */
package io.github.yogs0ddhoth.pypi.identity;
