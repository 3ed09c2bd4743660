package io.github.yogs0ddhoth.pypi.identity;

import java.util.List;

/**
 * The kinds of trusted publisher this plugin can act as. PyPI knows a fourth, ActiveState, which publishes from
 * inside ActiveState's own build platform and never from a Maven build (see {@link CiContext}).
 */
public enum PublisherKind {
    /** The runner's token endpoint hands out a fresh token (new {@code jti}) on every request. */
    GITHUB("GitHub Actions", "github", "https://token.actions.githubusercontent.com", true,
            List.of("iss", "aud", "sub", "repository", "repository_owner", "repository_owner_id", "workflow_ref",
                    "job_workflow_ref", "ref", "sha", "environment", "event_name")),
    /** One token per audience and job, fixed at job start, spent by the first exchange. */
    GITLAB("GitLab CI/CD", "gitlab", "https://gitlab.com", false,
            List.of("iss", "aud", "sub", "project_path", "ci_config_ref_uri", "ref_path", "sha", "environment",
                    "pipeline_source")),
    /** The metadata server signs a new token on every request. */
    GOOGLE("Google Cloud", "google", "https://accounts.google.com", true,
            List.of("iss", "aud", "sub", "email", "email_verified"));

    private final String displayName;
    private final String pypiProvider;
    private final String issuer;
    private final boolean canMintTwice;
    private final List<String> debugClaims;

    PublisherKind(String displayName, String pypiProvider, String issuer, boolean canMintTwice,
            List<String> debugClaims) {
        this.displayName = displayName;
        this.pypiProvider = pypiProvider;
        this.issuer = issuer;
        this.canMintTwice = canMintTwice;
        this.debugClaims = debugClaims;
    }

    public String displayName() {
        return displayName;
    }

    /** The {@code provider} value of PyPI's publishing form. */
    public String pypiProvider() {
        return pypiProvider;
    }

    /** The only issuer PyPI accepts for this kind (GitLab also allows issuers a PyPI admin registered). */
    public String issuer() {
        return issuer;
    }

    /**
     * Whether the CI hands a job a second, unspent ID token on request. PyPI accepts each token once, so where it
     * does not, a failed or expired exchange cannot be repeated within the job.
     */
    public boolean canMintTwice() {
        return canMintTwice;
    }

    /** Claims that identify the workflow but grant nothing: safe to print, and what PyPI matched against. */
    public List<String> debugClaims() {
        return debugClaims;
    }

    /** The kind whose issuer this is, or null; used to explain a token whose provider we did not detect. */
    static PublisherKind ofIssuer(String iss) {
        for (PublisherKind kind : values()) {
            if (kind.issuer.equals(iss)) {
                return kind;
            }
        }
        return null;
    }
}
