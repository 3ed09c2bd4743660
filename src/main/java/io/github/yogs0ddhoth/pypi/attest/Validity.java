package io.github.yogs0ddhoth.pypi.attest;

import java.time.Instant;

/**
 * A trust-root item's period of validity; {@code end} is null while it is current.
 */
record Validity(Instant start, Instant end) {
    public static final Validity ALWAYS = new Validity(null, null);

    public boolean contains(Instant t) {
        return (start == null || !t.isBefore(start)) && (end == null || !t.isAfter(end));
    }

    @Override
    public String toString() {
        return "[" + (start == null ? "-" : start) + ", " + (end == null ? "now" : end) + "]";
    }
}
