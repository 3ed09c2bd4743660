package io.github.yogs0ddhoth.pypi.distribution;

/**
 * The outcome of looking at one matched file: a distribution to upload, or a file that is not one (with the reason).
 * A file that claims to be a distribution but cannot be read is neither: the reader throws instead.
 */
sealed interface Inspection {

    record Accepted(Distribution distribution) implements Inspection {}

    record Ignored(IgnoredFile file) implements Inspection {}
}
