package io.github.yogs0ddhoth.pypi.identity;

/** One CI system that can hand this job a signed OIDC identity token. */
public interface IdentityProvider {
    /** A name people recognise, e.g. "GitHub Actions": the publisher kind's. */
    default String displayName() {
        return kind().displayName();
    }

    /** Which kind of PyPI trusted publisher this CI's tokens match. */
    PublisherKind kind();

    /** Whether {@link #fetchIdToken} can be called again for a new, unspent token; see {@link PublisherKind}. */
    default boolean canRefreshToken() {
        return kind().canMintTwice();
    }

    /**
     * Registers with the masker every secret this CI put in the environment, so that nothing printed afterwards can
     * show it. Called right after detection, before anything else is logged.
     */
    void maskEnvironmentSecrets();

    /** Asks the CI for a token for {@code audience}; each one can be exchanged only once. */
    IdToken fetchIdToken(String audience) throws IdentityException;
}
