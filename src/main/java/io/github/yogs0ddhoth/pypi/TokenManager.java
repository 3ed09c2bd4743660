package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.identity.IdToken;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.IdentityProvider;
import io.github.yogs0ddhoth.pypi.identity.TokenExchange;
import io.github.yogs0ddhoth.pypi.identity.UploadToken;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.upload.FileUploader;
import io.github.yogs0ddhoth.pypi.upload.UploadException;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds the upload token of a run and mints a new one, from a fresh ID token, before an upload that would
 * outlive the current one. PyPI's tokens last 15 minutes, which a large release on a slow link can exceed.
 */
final class TokenManager implements FileUploader.TokenSource {
    /** Time kept in reserve beyond the estimated upload time, for the index to process the file. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    /** Assumed until an upload has been measured: a slow CI link, so that the first estimate errs long. */
    static final double ASSUMED_BYTES_PER_SECOND = 1_000_000;

    private final IdentityProvider provider;
    private final TokenExchange exchange;
    private final String audience;
    private final Clock clock;
    private final PublishLog log;
    private UploadToken current;
    private double measuredBytesPerSecond;

    TokenManager(IdentityProvider provider, TokenExchange exchange, String audience, Clock clock, PublishLog log) {
        this.provider = provider;
        this.exchange = exchange;
        this.audience = audience;
        this.clock = clock;
        this.log = log;
    }

    /** Mints the run's first token; failures here are the identity errors the user must fix. */
    void mint() throws IdentityException {
        IdToken idToken = provider.fetchIdToken(audience);
        log.debug("Got an ID token from " + provider.displayName() + ": " + idToken);
        current = exchange.mint(idToken);
        log.info("PyPI minted a short-lived upload token"
                + (current.expires() == null ? "" : ", valid until " + current.expires()));
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
            if (current != null) {
                log.info("The upload token expires at " + current.expires() + ", too soon for "
                        + form.filename() + "; minting a new one");
            }
            try {
                mint();
            } catch (IdentityException e) {
                throw new UploadException("Could not renew the upload token before " + form.filename() + ": "
                        + e.getMessage(), 0, null, e);
            }
        }
        return current.value();
    }

    @Override
    public synchronized void invalidate() {
        current = null;
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
}
