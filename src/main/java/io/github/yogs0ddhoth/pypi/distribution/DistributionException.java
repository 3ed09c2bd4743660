package io.github.yogs0ddhoth.pypi.distribution;

/**
 * A distribution could not be found or read.
 *
 * <p>Checked on purpose: every caller has to decide how a broken or missing distribution ends the build. The message
 * is complete on its own (file, value seen, value expected, fix), so a caller can show it as is.
 */
public class DistributionException extends Exception {
    private static final long serialVersionUID = 1L;

    // What went wrong with one file, so the finder can file it as a FileProblem; UNREADABLE when a thrower did not say.
    private final FileProblem.Kind kind;

    public DistributionException(String message) {
        this(FileProblem.Kind.UNREADABLE, message, null);
    }

    public DistributionException(String message, Throwable cause) {
        this(FileProblem.Kind.UNREADABLE, message, cause);
    }

    DistributionException(FileProblem.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The kind of file problem this exception describes. */
    public FileProblem.Kind kind() {
        return kind;
    }
}
