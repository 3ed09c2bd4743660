package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.upload.FileUploader;
import io.github.yogs0ddhoth.pypi.upload.UploadException;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds the upload token of a run. It mints a new one, from a fresh ID token, before an upload that would outlive
 * the current one (PyPI's tokens last 15 minutes). The retries of each mint are {@link TrustedPublishing}'s, which
 * owns the identity operation; this class adds none, so attempts are never multiplied.
 *
 * <p>Files may be uploaded on several threads at once ({@code pypi.parallelUploads}); they share one token, and
 * the renewal they all need happens once: the first thread mints under the lock, the others then find a token
 * that lasts. A token the index refused is dropped only if it is still the current one, so threads refused the
 * same token cause one mint between them, not one each.
 */
public final class TokenManager implements FileUploader.TokenSource {
    /** Time kept in reserve beyond the estimated upload time, for the index to process the file. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    /** Assumed until an upload has been measured: a slow CI link, so that the first estimate errs long. */
    static final double ASSUMED_BYTES_PER_SECOND = 1_000_000;

    /** Obtains the run's identity: the first exchange. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IdentityException;
    }

    private final Clock clock;
    private final PublishLog log;
    private PublishingIdentity identity;
    private UploadToken current;
    /** When {@link #current} was obtained. */
    private Instant obtained;
    private double measuredBytesPerSecond;
    /** The token the "cannot renew, uploading anyway" warning was given for, so that threads do not repeat it. */
    private UploadToken warnedAbout;

    TokenManager(Clock clock, PublishLog log) {
        this.clock = clock;
        this.log = log;
    }

    /** Obtains the run's identity and first token; failures here are the identity errors the user must fix. */
    synchronized void start(Attempt<PublishingIdentity> obtain) throws IdentityException {
        identity = obtain.run();
        current = identity.token();
        obtained = clock.instant();
    }

    /** Feeds the throughput estimate with a finished upload. */
    public synchronized void recordUpload(long bytes, Duration took) {
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
                if (warnedAbout == current) {
                    return;
                }
                warnedAbout = current;
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
        current = identity.refresh();
        obtained = clock.instant();
    }

    @Override
    public synchronized void invalidate(String refused) {
        if (current != null && current.value().equals(refused)) {
            current = null;
        }
    }

    private boolean isExpired() {
        return current.expires() != null && !clock.instant().isBefore(current.expires());
    }

    private boolean needsRenewal(long bytes) {
        Instant expires = current.expires();
        if (expires == null) {
            return false;
        }
        if (isExpired()) {
            return true;
        }
        // A token obtained within the margin is as fresh as a new one would be: minting again could not make it
        // last meaningfully longer, and would cost an ID token request and a mint before a large first upload.
        if (clock.instant().isBefore(obtained.plus(MARGIN))) {
            return false;
        }
        double rate = measuredBytesPerSecond > 0 ? measuredBytesPerSecond : ASSUMED_BYTES_PER_SECOND;
        Duration estimate = Duration.ofMillis((long) (bytes / rate * 1000)).plus(MARGIN);
        return !clock.instant().plus(estimate).isBefore(expires);
    }
}
