package io.github.yogs0ddhoth.pypi.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;

/** An attempt ran past its {@link Deadline} and was aborted: its connection was closed, not drained. */
public final class ExchangeTimeoutException extends InterruptedIOException {
    private final Duration limit;

    ExchangeTimeoutException(String message, Duration limit) {
        super(message);
        this.limit = limit;
    }

    /** The deadline that passed. */
    public Duration limit() {
        return limit;
    }

    /** The deadline as people read it: {@code 30 s}, {@code 1.5 s}. */
    public String limitText() {
        return seconds(limit);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
