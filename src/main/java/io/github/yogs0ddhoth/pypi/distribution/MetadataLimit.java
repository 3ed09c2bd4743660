package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.InputStream;

/**
 * The most core metadata the readers will hold in memory. Real METADATA files are kilobytes (a long README as the
 * description reaches a few hundred); the cap exists so that a hostile or broken archive cannot make the build read
 * an unbounded entry into memory.
 */
record MetadataLimit(long maxBytes) {

    static final MetadataLimit DEFAULT = new MetadataLimit(16L * 1024 * 1024);

    MetadataLimit {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
    }

    /** Fails if a size declared by the archive (negative when unknown) is already over the cap. */
    void checkDeclaredSize(long declaredSize, String source) throws DistributionException {
        if (declaredSize > maxBytes) {
            throw tooLarge(source, Long.toString(declaredSize));
        }
    }

    /** Reads the stream to its end, but never more than one byte past the cap, whatever the archive declared. */
    byte[] read(InputStream in, String source) throws IOException, DistributionException {
        byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(source, "more than " + maxBytes);
        }
        return bytes;
    }

    private DistributionException tooLarge(String source, String size) {
        return new DistributionException(FileProblem.Kind.METADATA_TOO_LARGE, "Core metadata too large in " + source
                + ": it is " + size + " bytes, the limit is " + maxBytes + " bytes" + inMebibytes(maxBytes) + ". Core metadata is"
                + " normally a few kilobytes; check what the build backend put into the description (for example a"
                + " generated file instead of the README) and rebuild the distribution.", null);
    }

    private static String inMebibytes(long bytes) {
        long mebibyte = 1024 * 1024;
        return bytes > 0 && bytes % mebibyte == 0 ? " (" + bytes / mebibyte + " MiB)" : "";
    }
}
