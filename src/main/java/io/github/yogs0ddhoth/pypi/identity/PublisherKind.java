package io.github.yogs0ddhoth.pypi.identity;

import java.util.List;

/**
 * The kinds of trusted publisher this plugin can act as. PyPI knows a fourth, ActiveState, which publishes from
 * inside ActiveState's own build platform and never from a Maven build (see {@link CiDetector}).
 */
public enum PublisherKind {
    GITHUB("GitHub Actions", "github", "https://token.actions.githubusercontent.com",
            List.of("iss", "aud", "sub", "repository", "repository_owner", "repository_owner_id", "workflow_ref",
                    "job_workflow_ref", "ref", "sha", "environment", "event_name")),
    GITLAB("GitLab CI/CD", "gitlab", "https://gitlab.com",
            List.of("iss", "aud", "sub", "project_path", "ci_config_ref_uri", "ref_path", "sha", "environment",
                    "pipeline_source")),
    GOOGLE("Google Cloud", "google", "https://accounts.google.com",
            List.of("iss", "aud", "sub", "email", "email_verified"));

    private final String displayName;
    private final String pypiProvider;
    private final String issuer;
    private final List<String> debugClaims;

    PublisherKind(String displayName, String pypiProvider, String issuer, List<String> debugClaims) {
        this.displayName = displayName;
        this.pypiProvider = pypiProvider;
        this.issuer = issuer;
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
