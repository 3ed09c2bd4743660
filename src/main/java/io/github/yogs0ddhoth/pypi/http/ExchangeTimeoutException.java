package io.github.yogs0ddhoth.pypi.http;

import java.io.InterruptedIOException;
import java.time.Duration;

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
}
