package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.util.Map;

/** Picks the identity provider of the CI system this build runs on, from its environment variables. */
public final class CiDetector {
    private final TextExchange http;
    private final SecretMasker masker;

    public CiDetector(TextExchange http, SecretMasker masker) {
        this.http = http;
        this.masker = masker;
    }

    public IdentityProvider detect(Map<String, String> env) throws IdentityException {
        if (GitHubActionsIdentity.detect(env)) {
            return new GitHubActionsIdentity(env, http, masker);
        }
        throw new IdentityException("No supported CI system was detected, so there is no identity to publish with.\n"
                + "This plugin publishes only through PyPI trusted publishing: the CI job proves who it is with a"
                + " short-lived OIDC token, PyPI exchanges it for a 15-minute upload token, and no password or API"
                + " token is ever stored. Supported here: GitHub Actions (GITHUB_ACTIONS=true).\n"
                + "To see what would be published without any credentials, run with -Dpypi.dryRun=true.\n"
                + "To set up the publisher on PyPI, see https://docs.pypi.org/trusted-publishers/");
    }
}
