package io.github.yogs0ddhoth.pypi.dist;

/**
 * A distribution could not be found or read.
 *
 * <p>Checked on purpose: every caller has to decide how a broken or missing distribution ends the build. The message
 * is complete on its own (file, value seen, value expected, fix), so a caller can show it as is.
 */
public class DistributionException extends Exception {
    private static final long serialVersionUID = 1L;

    public DistributionException(String message) {
        super(message);
    }

    public DistributionException(String message, Throwable cause) {
        super(message, cause);
    }
}
