package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;

/**
 * The most bytes a {@code .tar.gz} is inflated to: 50 times the file's size, and never less than 64 MiB, the ratio and
 * floor past which PyPI refuses a wheel as a decompression bomb (see {@link ZipFraming#RATIO_THRESHOLD}).
 *
 * <p>An sdist is read to its end (tar has no index, and the last gzip trailer is what catches truncation), and deflate
 * packs zeros about a thousand to one, so without a cap a file of a few megabytes makes the build inflate gigabytes for
 * minutes. PyPI itself reads an sdist to its end with no such cap (its upload code leaves it as a to-do), but a file
 * past this ratio is no source tree: real sdists inflate a few times their size, and tar padding and empty files take
 * the ratio to 20 or so. The cap bounds the work to fifty times what was read from disk.
 *
 * @param maxBytes the decompressed bytes allowed
 * @param fileSize the compressed file's size, for the message
 */
record DecompressionCap(long maxBytes, long fileSize) {

    static final long MIN_BYTES = ZipFraming.RATIO_MIN_SIZE;
    static final int RATIO = ZipFraming.RATIO_THRESHOLD;

    /** No cap, for streams that are not a file on disk. */
    static final DecompressionCap NONE = new DecompressionCap(Long.MAX_VALUE, -1);

    /** The cap for a file of {@code fileSize} bytes. */
    static DecompressionCap forFile(long fileSize) {
        long ratioBytes = fileSize > Long.MAX_VALUE / RATIO ? Long.MAX_VALUE : fileSize * RATIO;
        return new DecompressionCap(Math.max(MIN_BYTES, ratioBytes), fileSize);
    }

    /** The error once more than {@link #maxBytes} came out of the file. */
    Exceeded exceeded() {
        String limit = maxBytes == MIN_BYTES
                ? MIN_BYTES + " bytes (64 MiB), the least allowed whatever the file's size"
                : maxBytes + " bytes, " + RATIO + " times its size of " + fileSize + " bytes";
        return new Exceeded("it decompresses to more than " + limit + ", and reading stopped there. A source tree"
                + " inflates to a few times its compressed size; this ratio is what a decompression bomb has (zeros"
                + " or other repeated bytes packed a thousand to one), which would keep the build inflating for"
                + " minutes. PyPI refuses a wheel over " + RATIO + " times its size past 64 MiB, and this plugin"
                + " holds sdists to the same.");
    }

    /** Signals the cap inside the stream; the sdist reader turns it into a {@link DistributionException}. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        private Exceeded(String message) {
            super(message);
        }
    }
}
