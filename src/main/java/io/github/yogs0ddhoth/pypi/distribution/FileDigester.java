package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the SHA-256 and BLAKE2b-256 digests of a file in a single read, streaming it through
 * a fixed buffer so that files of any size hash in constant memory.
 *
 * <p>An instance reuses its buffer and digest objects between calls, so it is not thread-safe;
 * use one per thread.
 */
public final class FileDigester {

    /** Default read size: large enough that per-read overhead is negligible. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;

    private final byte[] buffer;
    private final MessageDigest sha256;
    private final Blake2b blake2b = new Blake2b(32);

    public FileDigester() {
        this(DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes size of the read buffer; must be positive */
    public FileDigester(int bufferBytes) {
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("buffer size must be positive, got " + bufferBytes);
        }
        this.buffer = new byte[bufferBytes];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code file} once and returns its size and both digests. The size is the number of
     * bytes actually hashed, so it always agrees with the digests even if the file changes size
     * while being read.
     */
    public FileDigests digest(Path file) throws IOException {
        sha256.reset();
        blake2b.reset();
        long size = 0;
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean eof = false;
            while (!eof) {
                wrapped.clear();
                // Fill the whole buffer where possible, so both hashes see few, large updates.
                while (wrapped.hasRemaining()) {
                    if (channel.read(wrapped) < 0) {
                        eof = true;
                        break;
                    }
                }
                int filled = wrapped.position();
                sha256.update(buffer, 0, filled);
                blake2b.update(buffer, 0, filled);
                size += filled;
            }
        }
        return new FileDigests(size, hex(sha256.digest()), hex(blake2b.digest()));
    }

    /** Lowercase hex encoding of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
