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
    // The ZIP framing problems of a wheel whose central directory was read but whose metadata was not: they often
    // say why (an entry compressed with a method PyPI refuses), so the release check can explain the failure.
    private final transient ZipListing framing;

    public DistributionException(String message) {
        this(FileProblem.Kind.UNREADABLE, message, null);
    }

    public DistributionException(String message, Throwable cause) {
        this(FileProblem.Kind.UNREADABLE, message, cause);
    }

    DistributionException(FileProblem.Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    DistributionException(FileProblem.Kind kind, String message, Throwable cause, ZipListing framing) {
        super(message, cause);
        this.kind = kind;
        this.framing = framing;
    }

    /** The framing of the wheel that could not be read, when its central directory could be. */
    java.util.Optional<ZipListing> framing() {
        return java.util.Optional.ofNullable(framing);
    }

    /** The kind of file problem this exception describes. */
    public FileProblem.Kind kind() {
        return kind;
    }
}
