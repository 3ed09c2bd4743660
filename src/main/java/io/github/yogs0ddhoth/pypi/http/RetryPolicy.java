package io.github.yogs0ddhoth.pypi.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a failed request is tried again: exponential backoff with jitter, so that many
 * CI jobs hit by the same outage do not come back in lockstep.
 *
 * @param retries      tries after the first one
 * @param initialDelay the delay before the first retry, before jitter
 * @param maxDelay     the cap on any one delay
 * @param jitter       a source of numbers in [0, 1)
 * @param sleeper      waits; tests pass one that only records
 */
public record RetryPolicy(int retries, Duration initialDelay, Duration maxDelay, DoubleSupplier jitter,
        Sleeper sleeper) {

    /** Waits between tries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
    }

    public static RetryPolicy standard(int retries) {
        return new RetryPolicy(retries, Duration.ofSeconds(2), Duration.ofSeconds(30), Math::random,
                d -> Thread.sleep(d.toMillis()));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, () -> 0, d -> {});
    }

    /** The delay before retry number {@code retry} (1-based): half fixed, half random, so never zero. */
    public Duration delayBefore(int retry) {
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (jitter.getAsDouble() * (capped / 2.0)));
    }

    /** Sleeps before retry number {@code retry}; an interrupt ends the wait and is kept for the caller. */
    public void pauseBefore(int retry) {
        try {
            sleeper.sleep(delayBefore(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Statuses worth another try: the index is overloaded or briefly broken. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
