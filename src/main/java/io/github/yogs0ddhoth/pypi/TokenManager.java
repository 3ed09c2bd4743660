package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.MintException;
import io.github.yogs0ddhoth.pypi.identity.PublishingIdentity;
import io.github.yogs0ddhoth.pypi.identity.UploadToken;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.upload.FileUploader;
import io.github.yogs0ddhoth.pypi.upload.UploadException;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds the upload token of a run. It mints a new one, from a fresh ID token, before an upload that would outlive
 * the current one (PyPI's tokens last 15 minutes), and retries a mint that failed for a passing reason, again
 * with a fresh ID token, since PyPI accepts each ID token only once.
 */
final class TokenManager implements FileUploader.TokenSource {
    /** Time kept in reserve beyond the estimated upload time, for the index to process the file. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    /** Assumed until an upload has been measured: a slow CI link, so that the first estimate errs long. */
    static final double ASSUMED_BYTES_PER_SECOND = 1_000_000;

    /** One attempt at getting an identity: the first exchange, or a renewal. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IdentityException;
    }

    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final PublishLog log;
    private final boolean singleTokenCi;
    private PublishingIdentity identity;
    private UploadToken current;
    private double measuredBytesPerSecond;

    /** @param singleTokenCi true where the CI gives one ID token per job (GitLab), so no mint can be retried */
    TokenManager(RetryPolicy retryPolicy, Clock clock, PublishLog log, boolean singleTokenCi) {
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.log = log;
        this.singleTokenCi = singleTokenCi;
    }

    /** Obtains the run's identity and first token; failures here are the identity errors the user must fix. */
    void start(Attempt<PublishingIdentity> obtain) throws IdentityException {
        identity = withRetries(obtain, !singleTokenCi);
        current = identity.token();
    }

    /** Feeds the throughput estimate with a finished upload. */
    void recordUpload(long bytes, Duration took) {
        if (took.toMillis() > 0) {
            measuredBytesPerSecond = bytes * 1000.0 / took.toMillis();
        }
    }

    @Override
    public synchronized String tokenFor(UploadForm form) throws UploadException {
        if (current == null || needsRenewal(form.size())) {
            try {
                renew(form);
            } catch (IdentityException e) {
                throw new UploadException("Could not renew the upload token before " + form.filename() + ": "
                        + e.getMessage(), 0, null, e);
            }
        }
        return current.value();
    }

    private void renew(UploadForm form) throws IdentityException {
        if (!identity.canRefreshToken()) {
            if (current != null && !isExpired()) {
                log.warn("The upload token expires at " + current.expires() + ", possibly before " + form.filename()
                        + " is uploaded, and " + identity.providerName() + " gives one ID token per job, so no new"
                        + " one can be minted. Uploading anyway.");
                return;
            }
            throw new IdentityException("The upload token has expired, and " + identity.providerName() + " gives one"
                    + " ID token per job, which was already exchanged, so no new upload token can be minted. Re-run"
                    + " the job: files already on the index are recognised and not uploaded twice.");
        }
        if (current != null) {
            log.info("The upload token expires at " + current.expires() + ", too soon for " + form.filename()
                    + "; minting a new one from a fresh ID token");
        }
        current = withRetries(identity::refresh, true);
    }

    @Override
    public synchronized void invalidate() {
        current = null;
    }

    private <T> T withRetries(Attempt<T> attempt, boolean mayRetry) throws IdentityException {
        for (int i = 0; ; i++) {
            try {
                return attempt.run();
            } catch (IdentityException e) {
                if (!isPassing(e)) {
                    throw e;
                }
                if (!mayRetry) {
                    throw new IdentityException(e.getMessage() + "\nA retry is impossible here: this CI gives one ID"
                            + " token per job, and PyPI accepts each token only once. Re-run the job.", e);
                }
                if (i >= retryPolicy.retries()) {
                    throw e;
                }
                log.warn("The token exchange failed (" + firstLine(e.getMessage()) + "); retrying with a fresh ID"
                        + " token (" + (i + 1) + " of " + retryPolicy.retries() + ")");
                retryPolicy.pauseBefore(i + 1);
            }
        }
    }

    /** A failure that a later attempt with a fresh ID token may not meet: no answer, 429, 5xx, a reused token. */
    private static boolean isPassing(IdentityException e) {
        if (e instanceof MintException mint) {
            return mint.status() == 0 || RetryPolicy.isRetryableStatus(mint.status()) || mint.freshTokenMayHelp();
        }
        return e.getCause() instanceof IOException;
    }

    private boolean isExpired() {
        return current.expires() != null && !clock.instant().isBefore(current.expires());
    }

    private boolean needsRenewal(long bytes) {
        Instant expires = current.expires();
        if (expires == null) {
            return false;
        }
        double rate = measuredBytesPerSecond > 0 ? measuredBytesPerSecond : ASSUMED_BYTES_PER_SECOND;
        Duration estimate = Duration.ofMillis((long) (bytes / rate * 1000)).plus(MARGIN);
        return !clock.instant().plus(estimate).isBefore(expires);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
