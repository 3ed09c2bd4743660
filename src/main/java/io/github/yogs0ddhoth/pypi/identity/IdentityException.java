package io.github.yogs0ddhoth.pypi.identity;

import java.io.IOException;
import java.time.Duration;

/**
 * Proving who we are, or exchanging that proof for an upload token, failed. The message says why and how to fix it,
 * and never contains a token: messages end up in the build log, annotations and the job summary.
 */
public class IdentityException extends Exception {
    static final String DEFAULT_TITLE = "PyPI trusted publishing failed";

    private final String title;
    private final String markdown;
    private final boolean passing;
    private final Duration retryAfter;

    public IdentityException(String message) {
        this(message, (Throwable) null);
    }

    /** A failure with an I/O cause (no answer, a timeout) is taken to be passing: a later attempt may succeed. */
    public IdentityException(String message, Throwable cause) {
        this(message, cause, cause instanceof IOException, null);
    }

    /**
     * @param passing    whether a later attempt may succeed: no answer, 429, 5xx
     * @param retryAfter the wait the server asked for, or null
     */
    IdentityException(String message, Throwable cause, boolean passing, Duration retryAfter) {
        super(message, cause);
        this.title = DEFAULT_TITLE;
        this.markdown = null;
        this.passing = passing;
        this.retryAfter = retryAfter;
    }

    /**
     * @param title    a one-line headline for an annotation
     * @param markdown the same content as GitHub-flavoured Markdown for the job summary, or null to show the
     *                 message as a preformatted block
     */
    IdentityException(String title, String message, String markdown) {
        this(title, message, markdown, false, null);
    }

    IdentityException(String title, String message, String markdown, boolean passing, Duration retryAfter) {
        super(message);
        this.title = title;
        this.markdown = markdown;
        this.passing = passing;
        this.retryAfter = retryAfter;
    }

    /** Whether trying again later may succeed (no answer, a timeout, 429, 5xx), as opposed to a fault to fix. */
    public boolean isPassing() {
        return passing;
    }

    /** How long the server asked to wait before another try ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A one-line headline, e.g. for a GitHub {@code ::error title=…::} annotation. */
    public String title() {
        return title;
    }

    /** The failure as Markdown for a job summary; falls back to the message in a fenced block. */
    public String markdown() {
        return markdown != null ? markdown : "```\n" + getMessage().replace("```", "'''") + "\n```\n";
    }
}
