package io.github.yogs0ddhoth.pypi.identity;

/** One CI system that can hand this job a signed OIDC identity token. */
public interface IdentityProvider {
    /** A name people recognise, e.g. "GitHub Actions". */
    String displayName();

    /** Asks the CI for a fresh token for {@code audience}; each one can be exchanged only once. */
    IdToken fetchIdToken(String audience) throws IdentityException;
}
