package io.github.yogs0ddhoth.pypi.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a failed operation is tried again: exponential backoff with jitter, so that many
 * CI jobs hit by the same outage do not come back in lockstep.
 *
 * <p>One operation (obtaining the identity, uploading one file, one index lookup) has one owner of its attempts, and
 * only that owner retries: with {@code retries = N} no request is sent more than N + 1 times. Layers below the
 * owner send each request once ({@link TextExchange#singleAttempt()}).
 *
 * @param retries      tries after the first one
 * @param initialDelay the delay before the first retry, before jitter
 * @param maxDelay     the cap on any one backoff delay
 * @param jitter       a source of numbers in [0, 1)
 * @param sleeper      waits; tests pass one that only records
 */
public record RetryPolicy(int retries, Duration initialDelay, Duration maxDelay, DoubleSupplier jitter,
        Sleeper sleeper) {
    /**
     * The longest wait a server's {@code Retry-After} can impose: a CI job is better off failing with the server's
     * request in its log than sleeping for an hour.
     */
    public static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(60);

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
        return standard(retries, d -> Thread.sleep(d.toMillis()));
    }

    /** The standard backoff (2 s doubling to 30 s, with jitter), waiting with {@code sleeper}. */
    public static RetryPolicy standard(int retries, Sleeper sleeper) {
        return new RetryPolicy(retries, Duration.ofSeconds(2), Duration.ofSeconds(30), Math::random, sleeper);
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, () -> 0, d -> {});
    }

    /** This policy with no retries and the same waits: for the layers below an operation's owner. */
    public RetryPolicy withoutRetries() {
        return new RetryPolicy(0, initialDelay, maxDelay, jitter, sleeper);
    }

    /** The delay before retry number {@code retry} (1-based): half fixed, half random, so never zero. */
    public Duration delayBefore(int retry) {
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (jitter.getAsDouble() * (capped / 2.0)));
    }

    /**
     * The delay before retry number {@code retry} when the server asked for {@code retryAfter} (null: it did not):
     * the longer of the two, the server's capped at {@link #RETRY_AFTER_CAP}.
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        Duration backoff = delayBefore(retry);
        if (retryAfter == null || retryAfter.isNegative()) {
            return backoff;
        }
        Duration asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /** Sleeps before retry number {@code retry}; an interrupt ends the wait and is kept for the caller. */
    public void pauseBefore(int retry) {
        pauseBefore(retry, null);
    }

    /** Sleeps before retry number {@code retry}, at least as long as the server asked (capped). */
    public void pauseBefore(int retry, Duration retryAfter) {
        try {
            sleeper.sleep(delayBefore(retry, retryAfter));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Statuses worth another try: the index is overloaded or briefly broken. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
