package io.github.yogs0ddhoth.pypi.distribution;

/**
 * A core-metadata document (METADATA or PKG-INFO) is not valid UTF-8 or is not a sequence of RFC 822-style headers.
 *
 * <p>A subtype, so a caller that only cares about "the distribution is unusable" can catch
 * {@link DistributionException}, while a validator can tell a syntax problem from a missing file.
 */
final class MalformedMetadataException extends DistributionException {
    private static final long serialVersionUID = 1L;

    public MalformedMetadataException(String message) {
        super(FileProblem.Kind.MALFORMED_METADATA, message, null);
    }

    public MalformedMetadataException(String message, Throwable cause) {
        super(FileProblem.Kind.MALFORMED_METADATA, message, cause);
    }
}
