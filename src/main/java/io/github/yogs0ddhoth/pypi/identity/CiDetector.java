package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the identity provider of the CI system this build runs on, from its environment. No network call is made
 * here.
 *
 * <p>Order: GitHub Actions, then GitLab CI/CD, then Google Cloud. The two CI systems come first because their
 * variables are explicit and a self-hosted runner often runs on a Compute Engine VM or in GKE: such a job means to
 * publish as its repository's workflow, not as the VM's service account.
 */
public final class CiDetector {
    static final String ACTIVESTATE = "ActiveState, PyPI's fourth kind of trusted publisher, publishes from inside"
            + " ActiveState's own build platform ('state publish'), which injects its token into its own builder;"
            + " no Maven build runs there, so it is not this plugin's case. Publish from one of the CI systems above"
            + " instead, or let the ActiveState platform publish.";

    private final TextExchange http;
    private final SecretMasker masker;
    private final Path dmiProductName;

    public CiDetector(TextExchange http, SecretMasker masker) {
        this(http, masker, GoogleCloudHints.DMI_PRODUCT_NAME);
    }

    /** @param dmiProductName where the machine's DMI product name is read; a test points this at a temp file */
    public CiDetector(TextExchange http, SecretMasker masker, Path dmiProductName) {
        this.http = http;
        this.masker = masker;
        this.dmiProductName = dmiProductName;
    }

    /** Whether {@link #detect} would find a CI, without touching the network; a dry run checks claims only then. */
    public boolean isSupportedCi(Map<String, String> env) {
        return GitHubActionsIdentity.detect(env) || GitLabCiIdentity.detect(env)
                || GoogleCloudHints.evidence(env, dmiProductName) != null;
    }

    public IdentityProvider detect(Map<String, String> env) throws IdentityException {
        if (GitHubActionsIdentity.detect(env)) {
            return new GitHubActionsIdentity(env, http, masker);
        }
        if (GitLabCiIdentity.detect(env)) {
            return new GitLabCiIdentity(env, masker);
        }
        String google = GoogleCloudHints.evidence(env, dmiProductName);
        if (google != null) {
            return new GoogleCloudIdentity(env, masker, google);
        }
        throw new IdentityException("No CI system to publish from", noCiMessage(env), null);
    }

    private static String noCiMessage(Map<String, String> env) {
        StringBuilder m = new StringBuilder("No supported CI system was detected, so there is no identity to"
                + " publish with.\n"
                + "This plugin publishes only through PyPI trusted publishing: the CI job proves who it is with a"
                + " short-lived OIDC token, PyPI exchanges it for a 15-minute upload token, and no password or API"
                + " token is ever stored. Supported here:\n"
                + "  * GitHub Actions (GITHUB_ACTIONS=true)\n"
                + "  * GitLab CI/CD (GITLAB_CI=true)\n"
                + "  * Google Cloud: Compute Engine, GKE, Cloud Run, Cloud Build (recognised by one of "
                + String.join(", ", GoogleCloudHints.VARIABLES) + ", or a DMI product name of 'Google')\n");
        if (isSet(env, "BUILDKITE") || isSet(env, "CIRCLECI")) {
            m.append("This looks like ").append(isSet(env, "BUILDKITE") ? "Buildkite" : "CircleCI")
                    .append(". It can issue OIDC tokens, but PyPI does not trust its issuer (the exchange would fail"
                            + " with 'invalid-payload: unknown trusted publishing issuer'), so it cannot be a"
                            + " trusted publisher today.\n");
        }
        m.append(ACTIVESTATE).append('\n')
                .append("To see what would be published without any credentials, run with -Dpypi.dryRun=true.\n")
                .append("To set up the publisher on PyPI, see https://docs.pypi.org/trusted-publishers/");
        return m.toString();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
