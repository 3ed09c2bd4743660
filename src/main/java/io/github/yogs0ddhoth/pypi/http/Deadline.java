package io.github.yogs0ddhoth.pypi.http;

import java.time.Duration;

/**
 * How long one attempt at an exchange may take, whatever the server does: a per-read socket timeout alone lets a
 * server that sends one byte a second, or an endless body, hold a build forever.
 *
 * @param untilSent the whole attempt, from connecting until the answer is read; for an upload, until its body has
 *                  been sent
 * @param afterSent for an upload, the time its answer may take once the body is sent; null when
 *                  {@code untilSent} covers the whole attempt
 */
public record Deadline(Duration untilSent, Duration afterSent) {
    /** An upload is allowed this long on top of its transfer time: connecting, TLS, a slow start. */
    static final Duration UPLOAD_FLOOR = Duration.ofMinutes(2);
    /**
     * The slowest link an upload is expected to survive, 64 KiB/s (half a megabit): a deadline for an honest
     * upload, however slow, and still an end for one that a server has stopped reading.
     */
    static final long SLOWEST_UPLOAD_BYTES_PER_SECOND = 64 * 1024;
    /** After the last byte the index hashes and stores the file; allowed on top of the exchange timeout. */
    static final long SLOWEST_PROCESSING_BYTES_PER_SECOND = 20 * 1024 * 1024;

    public Deadline {
        if (untilSent == null || untilSent.isNegative() || untilSent.isZero()) {
            throw new IllegalArgumentException("a deadline must be positive, was " + untilSent);
        }
    }

    /** A small exchange: everything within {@code timeout}. */
    public static Deadline of(Duration timeout) {
        return new Deadline(timeout, null);
    }

    /**
     * An upload of {@code bytes}: {@value #SLOWEST_UPLOAD_BYTES_PER_SECOND} B/s plus two minutes to send the body,
     * then {@code exchangeTimeout} (plus a second per 20 MiB, for the index to store a large file) for the answer.
     */
    public static Deadline forUpload(long bytes, Duration exchangeTimeout) {
        Duration sending = UPLOAD_FLOOR.plusSeconds(Math.max(0, bytes) / SLOWEST_UPLOAD_BYTES_PER_SECOND);
        Duration answering = exchangeTimeout.plusSeconds(Math.max(0, bytes) / SLOWEST_PROCESSING_BYTES_PER_SECOND);
        return new Deadline(sending, answering);
    }
}
