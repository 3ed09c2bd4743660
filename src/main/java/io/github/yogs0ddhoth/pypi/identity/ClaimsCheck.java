package io.github.yogs0ddhoth.pypi.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks an ID token's claims against the audience the index announced and the publisher the user declared,
 * applying PyPI's own matching rules, so that a misconfiguration fails before the exchange with the exact claim,
 * the declared value and the token's value, instead of PyPI's bare {@code invalid-publisher}.
 *
 * <p>The token's signature is deliberately not verified here: PyPI verifies it against the issuer's published keys
 * on the exchange, and that is the check that counts. Verifying it here too would need each issuer's JWKS fetched
 * over the network and would add nothing to security: a forged token is refused by PyPI either way. We only read
 * the claims to explain, early, what PyPI would refuse.
 */
final class ClaimsCheck {
    /** PyPI's leeway for {@code nbf} and {@code exp}. */
    static final Duration LEEWAY = Duration.ofSeconds(30);

    private final Clock clock;

    public ClaimsCheck(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param kind     the provider the token came from
     * @param audience what the index announced at {@code /_/oidc/audience}
     * @param declared the publisher declared in the pom; {@link PublisherDeclaration#none()} (or null) when nothing is
     * @param page     where the publisher is managed, for the "nothing declared" warning
     */
    public ClaimsCheckResult check(PublisherKind kind, IdToken token, String audience, PublisherDeclaration declared,
            PublishingPage page) {
        declared = declared == null ? PublisherDeclaration.none() : declared;
        ClaimFindings findings = new ClaimFindings();
        checkIssuer(kind, token, findings);
        checkAudience(kind, token, audience, findings);
        checkTimes(kind, token, findings);
        checkDeclaredKind(kind, declared, findings);
        switch (kind) {
            case GITHUB -> GitHubClaimRules.apply(token, declared, findings);
            case GITLAB -> GitLabClaimRules.apply(token, declared, findings);
            case GOOGLE -> GoogleClaimRules.apply(token, declared, findings);
        }
        if (declared.isEmpty()) {
            PublisherRegistration registration = PublisherRegistration.of(kind, declared, token);
            findings.warn("Trusted publisher not declared: claims unchecked",
                    "No trusted publisher is declared (pypi.publisher.*), so this token's claims were not checked"
                            + " before the exchange, and a misconfiguration will only show as PyPI's"
                            + " 'invalid-publisher'. This job is the following " + kind.displayName()
                            + " publisher; register exactly this on PyPI (" + page.prefilled(registration) + "):"
                            + registration.describe("    ")
                            + "\nThen declare it in the pom, where review sees it:\n" + pomSnippet(registration));
        }
        return findings.result(kind);
    }

    private static void checkIssuer(PublisherKind kind, IdToken token, ClaimFindings findings) {
        String iss = token.claim("iss");
        if (kind.issuer().equals(iss)) {
            return;
        }
        switch (kind) {
            case GITHUB -> findings.mismatch("iss", kind.issuer(), iss,
                    "PyPI trusts only GitHub.com's OIDC issuer. GitHub Enterprise Server"
                            + " (https://HOST/_services/token), GHE.com data-residency tenants and enterprises with"
                            + " a customised issuer URL (…/ENTERPRISE) are not accepted.",
                    "Publish from a repository on github.com whose enterprise uses the default issuer URL, or"
                            + " from GitLab.com or Google Cloud.");
            case GITLAB -> {
                if (iss == null) {
                    findings.mismatch("iss", kind.issuer(), null, "PyPI requires an issuer.",
                            "This is not a GitLab ID token; check the job's id_tokens entry.");
                } else {
                    findings.warn("Self-managed GitLab issuer",
                            "The token's issuer is " + iss + ", not https://gitlab.com. PyPI accepts a"
                                    + " self-managed GitLab only when a PyPI admin registered its issuer for your"
                                    + " organization; otherwise the exchange fails with 'invalid-payload: unknown"
                                    + " trusted publishing issuer'.");
                }
            }
            case GOOGLE -> findings.mismatch("iss", kind.issuer(), iss,
                    "PyPI trusts only Google's account issuer for Google Cloud publishers.",
                    "Get the token from the metadata server's identity endpoint (which this plugin does).");
        }
    }

    private static void checkAudience(PublisherKind kind, IdToken token, String audience, ClaimFindings findings) {
        String aud = token.claim("aud");
        if (token.isTextClaim("aud") && audience.equals(aud)) {
            return;
        }
        String fix = kind == PublisherKind.GITLAB
                ? "Set 'aud: " + audience + "' on the job's " + GitLabCiIdentity.variableFor(audience)
                        + " entry under id_tokens."
                : "The token was issued for another audience than the one requested; re-run the job.";
        findings.mismatch("aud", audience, aud, token.claim("aud") != null && !token.isTextClaim("aud")
                ? "PyPI requires aud to be a single string, not a list."
                : "PyPI requires aud to equal the audience the index announced at /_/oidc/audience.", fix);
    }

    private void checkTimes(PublisherKind kind, IdToken token, ClaimFindings findings) {
        Instant now = clock.instant();
        Long exp = token.numericClaim("exp");
        if (exp == null) {
            findings.mismatch("exp", "a time after " + now, token.claim("exp"), "PyPI requires exp.",
                    "This is not a usable OIDC token; re-run the job.");
        } else if (!Instant.ofEpochSecond(exp).isAfter(now)) {
            findings.mismatch("exp", "a time after " + now, Instant.ofEpochSecond(exp) + " (expired "
                    + Duration.between(Instant.ofEpochSecond(exp), now).toSeconds() + " s ago)",
                    "PyPI refuses an expired token.", kind == PublisherKind.GITLAB
                            ? "GitLab signs the token when the job starts and it expires with the job's timeout"
                                    + " (5 minutes without one): publish early in the job, or raise the timeout."
                            : "Re-run the job so a fresh token is requested, and check this machine's clock.");
        }
        if (token.numericClaim("iat") == null) {
            findings.mismatch("iat", "the time the token was issued", token.claim("iat"), "PyPI requires iat.",
                    "This is not a usable OIDC token; re-run the job.");
        }
        Long nbf = token.numericClaim("nbf");
        if (nbf != null && Instant.ofEpochSecond(nbf).isAfter(now.plus(LEEWAY))) {
            findings.mismatch("nbf", "a time before " + now.plus(LEEWAY), Instant.ofEpochSecond(nbf).toString(),
                    "PyPI refuses a token that is not valid yet (30 s of clock skew allowed).",
                    "This machine's clock is behind the issuer's: fix the runner's time synchronisation.");
        }
    }

    private static void checkDeclaredKind(PublisherKind kind, PublisherDeclaration declared,
            ClaimFindings findings) {
        boolean repositoryKind = kind != PublisherKind.GOOGLE;
        if (repositoryKind && declared.email() != null && !declared.declaresRepositoryPublisher()) {
            findings.mismatch("publisher kind", "Google Cloud (pypi.publisher.email=" + declared.email() + ")",
                    kind.displayName(), "The declared publisher must be of the CI this build runs on.",
                    "Publish from Google Cloud as " + declared.email() + ", or declare this CI's publisher"
                            + " (pypi.publisher.repository, .workflow, .environment).");
        } else if (!repositoryKind && declared.email() == null && declared.declaresRepositoryPublisher()) {
            findings.mismatch("publisher kind", "GitHub Actions or GitLab CI/CD (pypi.publisher.repository="
                            + ClaimFindings.show(declared.repository()) + ")",
                    kind.displayName(), "The declared publisher must be of the CI this build runs on.",
                    "Publish from that CI, or declare this service account with pypi.publisher.email.");
        } else if (repositoryKind && declared.email() != null || !repositoryKind && declared.declaresRepositoryPublisher()) {
            findings.warn("Declared publisher parts ignored",
                    "This build runs on " + kind.displayName() + ", so "
                            + (repositoryKind ? "pypi.publisher.email is" : "pypi.publisher.repository, .workflow and"
                                    + " .environment are") + " not used.");
        }
    }

    /** As pom properties: they bind to the mojo's {@code pypi.publisher.*} parameters however they are wired. */
    private static String pomSnippet(PublisherRegistration registration) {
        StringBuilder s = new StringBuilder("    <properties>\n");
        String owner = null;
        for (PublisherRegistration.Field f : registration.fields()) {
            String property = switch (f.queryName()) {
                case "owner", "namespace" -> null;
                case "repository", "project" -> "repository";
                case "workflow_filename", "workflow_filepath" -> "workflow";
                default -> f.queryName();
            };
            if (property == null) {
                owner = f.value();
                continue;
            }
            String value = property.equals("repository") && owner != null ? owner + "/" + f.value() : f.value();
            if (value != null) {
                s.append("      <pypi.publisher.").append(property).append('>').append(value)
                        .append("</pypi.publisher.").append(property).append(">\n");
            }
        }
        return s.append("    </properties>").toString();
    }
}
