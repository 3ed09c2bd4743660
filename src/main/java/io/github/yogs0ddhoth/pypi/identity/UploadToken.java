package io.github.yogs0ddhoth.pypi.identity;

import java.time.Instant;

/** The short-lived API token PyPI minted for this run. {@link #toString()} never shows the value. */
public final class UploadToken {
    private final String value;
    private final Instant expires;

    public UploadToken(String value, Instant expires) {
        this.value = value;
        this.expires = expires;
    }

    public String value() {
        return value;
    }

    /** When PyPI said the token stops working, or null if it did not say. */
    public Instant expires() {
        return expires;
    }

    @Override
    public String toString() {
        return "UploadToken[value=***, expires=" + expires + "]";
    }
}
