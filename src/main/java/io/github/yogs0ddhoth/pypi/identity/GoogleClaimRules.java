package io.github.yogs0ddhoth.pypi.identity;

/**
 * PyPI's matching rules for a Google Cloud token (warehouse {@code oidc/models/google.py}): the service account's
 * {@code email}, exactly, and {@code email_verified}.
 */
final class GoogleClaimRules {
    private GoogleClaimRules() {}

    static void apply(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String email = token.claim("email");
        String wanted = declared.email();
        if (email == null) {
            findings.mismatch("email", wanted != null ? wanted : "the service account's email", null,
                    "PyPI identifies a Google publisher by the email claim.",
                    "Request the token with format=full (this plugin does), from a workload that runs as a service"
                            + " account.");
        } else if (wanted != null && !wanted.equals(email)) {
            findings.mismatch("email", wanted, email,
                    "PyPI compares the service account email exactly.",
                    "Run the build as " + wanted + " (the Compute Engine VM's, Cloud Run service's or Cloud Build"
                            + " trigger's service account), or, if " + email + " is right, change"
                            + " pypi.publisher.email and the publisher on PyPI.");
        }
        if (!"true".equals(token.claim("email_verified"))) {
            findings.mismatch("email_verified", "true", token.claim("email_verified"),
                    "PyPI only accepts a Google token whose email is verified.",
                    "Use a service account's own identity token (the metadata server's, with format=full); tokens"
                            + " of user accounts or with an unverified email are refused.");
        }
        if (email != null && (email.endsWith("-compute@developer.gserviceaccount.com")
                || email.endsWith("@appspot.gserviceaccount.com"))) {
            findings.warn("Publishing as a default service account",
                    email + " is a default service account: every workload of the project that runs as it can"
                            + " publish as this project. PyPI's documentation advises against registering it;"
                            + " create a dedicated service account for publishing and run only the release build"
                            + " as it.");
        }
    }
}
