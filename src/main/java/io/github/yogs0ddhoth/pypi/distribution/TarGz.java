package io.github.yogs0ddhoth.pypi.distribution;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Opening a {@code .tar.gz} the one way both the reader and the checks read it. */
public final class TarGz {
    private TarGz() {}

    /**
     * The decompressed bytes of the file. Python's tarfile (twine, PyPI) reads every member of a multi-member gzip
     * file, so this does too. Closing the stream closes the file.
     */
    public static GzipCompressorInputStream gunzip(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        try {
            return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
