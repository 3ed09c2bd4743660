package io.github.yogs0ddhoth.pypi.identity;

/**
 * Proving who we are, or exchanging that proof for an upload token, failed. The message says why and how to fix it,
 * and never contains a token: messages end up in the build log, annotations and the job summary.
 */
public class IdentityException extends Exception {
    static final String DEFAULT_TITLE = "PyPI trusted publishing failed";

    private final String title;
    private final String markdown;

    public IdentityException(String message) {
        this(message, (Throwable) null);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
        this.title = DEFAULT_TITLE;
        this.markdown = null;
    }

    /**
     * @param title    a one-line headline for an annotation
     * @param markdown the same content as GitHub-flavoured Markdown for the job summary, or null to show the
     *                 message as a preformatted block
     */
    IdentityException(String title, String message, String markdown) {
        super(message);
        this.title = title;
        this.markdown = markdown;
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
