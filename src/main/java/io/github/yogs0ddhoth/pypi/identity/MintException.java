package io.github.yogs0ddhoth.pypi.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * PyPI's mint-token endpoint refused to exchange the ID token, or answered something unusable. The message names
 * each error's cause and fix and shows the token's non-secret claims; it never contains a token.
 */
final class MintException extends IdentityException {
    /** A new ID token cures these: a spent {@code jti}, or a token that expired on the way. */
    private static final Set<String> FRESH_TOKEN_CODES = Set.of("invalid-reuse-token", "invalid-token");

    private final int status;
    private final List<MintError> errors;

    MintException(String title, String message, String markdown, int status, List<MintError> errors,
            Duration retryAfter) {
        super(title, message, markdown, isPassing(status, errors), retryAfter);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** No answer, 429, 5xx, or a token a fresh one replaces: a later attempt with a new ID token may succeed. */
    private static boolean isPassing(int status, List<MintError> errors) {
        return status == 0 || status == 429 || status >= 500
                || errors.stream().anyMatch(e -> FRESH_TOKEN_CODES.contains(e.code()));
    }

    /** The HTTP status the endpoint answered (422 for PyPI's own refusals). */
    public int status() {
        return status;
    }

    /** The errors PyPI listed; empty when the body was not PyPI's JSON error format. */
    public List<MintError> errors() {
        return errors;
    }

    /**
     * Whether exchanging a freshly requested ID token could succeed. Only meaningful where
     * {@link IdentityProvider#canRefreshToken()}; GitLab has one token per job.
     */
    public boolean freshTokenMayHelp() {
        return errors.stream().anyMatch(e -> FRESH_TOKEN_CODES.contains(e.code()));
    }
}
