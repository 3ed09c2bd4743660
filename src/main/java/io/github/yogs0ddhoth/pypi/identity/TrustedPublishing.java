package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.GitHubJobReport;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import java.time.Clock;

/**
 * The identity half of a publish, as one call: detect the CI, mask its secrets, ask the index for the audience, get
 * an ID token, check its claims against the declared publisher, and exchange it for an upload token. Any failure is
 * thrown as an {@link IdentityException} whose message says what is wrong and how to fix it; under GitHub Actions it
 * is also reported as an {@code ::error::} annotation and a job-summary section.
 */
public final class TrustedPublishing {
    private final CiContext ci;
    private final TextExchange http;
    private final RetryPolicy retryPolicy;
    private final SecretMasker masker;
    private final PublishLog log;
    private final Clock clock;
    private final ClaimsCheck claimsCheck;
    private final GitHubJobReport report;

    /**
     * @param ci       the CI this build runs on
     * @param http     the publish run's HTTP client, for the index and GitHub's token endpoint; its retry policy
     *                 becomes the one budget of each identity operation, whose requests are then each sent once
     * @param commands GitHub workflow commands, or null when not running under GitHub Actions
     * @param clock    decides whether the ID token has expired
     */
    public TrustedPublishing(CiContext ci, TextExchange http, SecretMasker masker, WorkflowCommands commands,
            PublishLog log, Clock clock) {
        this.ci = ci;
        this.retryPolicy = http.retryPolicy();
        // The retries are this class's: the requests below it are sent once each, or attempts would multiply.
        this.http = http.singleAttempt();
        this.masker = masker;
        // Redacted here too, so that this class is safe whatever log it is handed.
        this.log = masker.redacting(log);
        this.clock = clock;
        this.claimsCheck = new ClaimsCheck(clock);
        this.report = new GitHubJobReport(commands, ci.jobSummary(), masker, this.log);
    }

    /**
     * Obtains an upload token for {@code projectName} on the index at {@code indexOrigin}.
     *
     * @param indexOrigin the upload URL's {@code scheme://authority}, where {@code /_/oidc/*} live
     * @param projectName the distributions' project name, for the link to its publishers on the index; may be null
     * @param declared    the declared publisher; {@link PublisherDeclaration#none()} to only warn
     * @throws IdentityException when no CI is detected, the index offers no trusted publishing, the CI gives no
     *                           token, the claims do not match the declared publisher (before any mint request), or
     *                           PyPI refuses the exchange ({@link MintException})
     */
    public PublishingIdentity obtain(String indexOrigin, String projectName, PublisherDeclaration declared)
            throws IdentityException {
        try {
            Budget budget = new Budget();
            Session session = budget.run(() -> open(indexOrigin, projectName, declared));
            UploadToken token = session.mintNew(budget);
            return new PublishingIdentity(session, token);
        } catch (IdentityException e) {
            // Once, after the last attempt: a failure that a retry cured is no error of the run.
            report.failure(e.title(), e.getMessage(), e.markdown());
            throw e;
        }
    }

    /**
     * {@link #obtain}, held for the uploads: the tokens it returns are renewed before an upload would outlive them,
     * where the CI can mint twice.
     */
    public TokenManager uploadTokens(String indexOrigin, String projectName, PublisherDeclaration declared)
            throws IdentityException {
        TokenManager tokens = new TokenManager(clock, log);
        tokens.start(() -> obtain(indexOrigin, projectName, declared));
        return tokens;
    }

    /**
     * Everything {@link #obtain} does except the exchange: for a dry run or a pre-flight check. The ID token is not
     * spent (its {@code jti} is never sent to the index).
     *
     * @return the check's result, which passed (a mismatch is thrown); its warnings have been logged
     */
    public ClaimsCheckResult verify(String indexOrigin, String projectName, PublisherDeclaration declared)
            throws IdentityException {
        try {
            Budget budget = new Budget();
            Session session = budget.run(() -> open(indexOrigin, projectName, declared));
            return session.checked(budget.run(() -> session.provider.fetchIdToken(session.audience)));
        } catch (IdentityException e) {
            report.failure(e.title(), e.getMessage(), e.markdown());
            throw e;
        }
    }

    private Session open(String indexOrigin, String projectName, PublisherDeclaration declared)
            throws IdentityException {
        IdentityProvider provider = ci.provider(http, masker);
        // Before the first line this run logs about identity.
        provider.maskEnvironmentSecrets();
        TokenExchange exchange = new TokenExchange(indexOrigin, http, masker);
        log.info("Trusted publishing from " + provider.displayName() + " to " + indexOrigin);
        String audience = exchange.audience();
        log.debug("The index announced the OIDC audience '" + audience + "'");
        PublisherDeclaration publisher = declared == null ? PublisherDeclaration.none() : declared;
        return new Session(provider, exchange, audience, publisher, PublishingPage.forIndex(indexOrigin, projectName));
    }

    /** One step of an identity operation. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IdentityException;
    }

    /**
     * The retries of one identity operation (the audience, then the ID token and the exchange), shared by its
     * steps: with {@code retries = N}, no request is sent more than N + 1 times.
     */
    private final class Budget {
        private int used;

        <T> T run(Step<T> step) throws IdentityException {
            return run(step, true);
        }

        /** @param retryable false when a failed attempt may have spent what a retry would need (GitLab's token) */
        <T> T run(Step<T> step, boolean retryable) throws IdentityException {
            while (true) {
                try {
                    return step.run();
                } catch (IdentityException e) {
                    if (!e.isPassing()) {
                        throw e;
                    }
                    if (!retryable) {
                        throw new IdentityException(e.title(), e.getMessage() + "\nA retry is impossible here: this"
                                + " CI gives one ID token per job, and PyPI accepts each token only once. Re-run the"
                                + " job.", e.markdown());
                    }
                    if (used >= retryPolicy.retries()) {
                        throw e;
                    }
                    used++;
                    log.warn(firstLine(e.getMessage()) + (e instanceof MintException ? "; retrying with a fresh ID"
                            + " token (" : "; retrying (") + used + " of " + retryPolicy.retries() + ")");
                    retryPolicy.pauseBefore(used, e.retryAfter());
                }
            }
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        String line = nl < 0 ? String.valueOf(s) : s.substring(0, nl);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** What one obtained identity needs to mint again. Package-private: callers hold a {@link PublishingIdentity}. */
    final class Session {
        final IdentityProvider provider;
        private final TokenExchange exchange;
        private final String audience;
        private final PublisherDeclaration declared;
        private final PublishingPage page;

        private Session(IdentityProvider provider, TokenExchange exchange, String audience,
                PublisherDeclaration declared, PublishingPage page) {
            this.provider = provider;
            this.exchange = exchange;
            this.audience = audience;
            this.declared = declared;
            this.page = page;
        }

        /**
         * A fresh ID token, checked, then exchanged; a passing failure is retried with another fresh ID token
         * within {@code budget}, except where the CI has only one (its exchange may have spent it).
         */
        UploadToken mintNew(Budget budget) throws IdentityException {
            UploadToken token = budget.run(() -> {
                IdToken idToken = provider.fetchIdToken(audience);
                checked(idToken);
                return exchange.mint(idToken, page, !declared.isEmpty());
            }, provider.canRefreshToken());
            log.info("PyPI minted a short-lived upload token"
                    + (token.expires() == null ? "" : ", valid until " + token.expires()));
            return token;
        }

        UploadToken refresh() throws IdentityException {
            if (!provider.canRefreshToken()) {
                IdentityException e = new IdentityException("Cannot request a second ID token", provider.displayName()
                        + " gives a job one ID token, fixed when the job starts, and PyPI accepts each token once:"
                        + " this job's token is spent, so no new upload token can be minted within it. Upload"
                        + " everything within the 15 minutes the first upload token lasts, or split the upload"
                        + " across jobs (each with its own id_tokens entry).", null);
                report.details(e.markdown());
                throw e;
            }
            try {
                return mintNew(new Budget());
            } catch (IdentityException e) {
                // The upload that needed the token fails with this message, and that failure is the run's one
                // annotation; the job summary still gets the claims.
                report.details(e.markdown());
                throw e;
            }
        }

        ClaimsCheckResult checked(IdToken idToken) throws IdentityException {
            log.debug("Got an ID token from " + provider.displayName() + ": " + idToken);
            ClaimsCheckResult result = claimsCheck.check(provider.kind(), idToken, audience, declared, page);
            for (IdentityWarning w : result.warnings()) {
                log.warn(w.title() + ": " + w.text());
                report.warning(w.title(), w.text());
            }
            if (!result.passed()) {
                throw ClaimsReport.mismatchFailure(result, idToken, page,
                        PublisherRegistration.of(provider.kind(), declared, idToken));
            }
            if (!declared.isEmpty()) {
                log.info("The ID token's claims match the declared trusted publisher " + describe(declared));
            }
            return result;
        }

        private String describe(PublisherDeclaration d) {
            StringBuilder s = new StringBuilder("(");
            append(s, "repository", d.repository());
            append(s, "workflow", d.workflow());
            append(s, "environment", d.environment());
            append(s, "email", d.email());
            return s.append(')').toString();
        }

        private void append(StringBuilder s, String name, String value) {
            if (value != null) {
                s.append(s.length() > 1 ? ", " : "").append(name).append('=').append(value);
            }
        }
    }
}
