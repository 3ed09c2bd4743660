package io.github.yogs0ddhoth.pypi.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs how far a large upload has got: percent and throughput, at most every few seconds and only after a
 * visible step, so a slow 1 GiB upload shows life without flooding the log and a small file says nothing.
 */
public final class TransferProgress {
    /** Smaller files finish before progress would be worth reading. */
    static final long MIN_SIZE = 16L * 1024 * 1024;
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    static final int MIN_STEP_PERCENT = 10;

    private final PublishLog log;
    private final Clock clock;
    private final String filename;
    private final Instant start;
    private Instant lastReport;
    private int lastPercent;

    public TransferProgress(PublishLog log, Clock clock, String filename) {
        this.log = log;
        this.clock = clock;
        this.filename = filename;
        this.start = clock.instant();
        this.lastReport = start;
    }

    public void sent(long bytesSent, long totalBytes) {
        if (totalBytes < MIN_SIZE) {
            return;
        }
        Instant now = clock.instant();
        int percent = (int) (bytesSent * 100 / totalBytes);
        boolean due = Duration.between(lastReport, now).compareTo(MIN_INTERVAL) >= 0
                && percent - lastPercent >= MIN_STEP_PERCENT;
        if (due && percent < 100) {
            log.info("  " + filename + ": " + percent + "% (" + Units.bytes(bytesSent) + " of "
                    + Units.bytes(totalBytes) + "), " + Units.rate(bytesSent, Duration.between(start, now)));
            lastReport = now;
            lastPercent = percent;
        }
    }
}
