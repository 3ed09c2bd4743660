package io.github.yogs0ddhoth.pypi.distribution;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of a {@code .tar.gz}, read as Python's gzip module reads them (tarfile, and so twine and
 * PyPI, open sdists with it): every member of a multi-member file in turn, each member's CRC-32 and length checked
 * against its trailer, zero bytes after a member skipped as padding, and anything else after it refused.
 *
 * <p>Built on {@link Inflater} rather than {@link java.util.zip.GZIPInputStream}, which looks for a next member only
 * when the underlying stream reports bytes available and ends silently at garbage after a member; an sdist with junk
 * appended is broken, and reading it as complete would hide that. Reading to the end ({@code -1}) is what checks the
 * last trailer, so truncation is caught. Closing the stream closes the file.
 *
 * <p>The bytes inflated are counted across all members against a {@link DecompressionCap}, so a small file that
 * inflates to gigabytes fails at the cap instead of keeping the build busy for minutes.
 */
final class TarGz extends InputStream {

    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xe0;

    private final InputStream raw;
    private final DecompressionCap cap;
    private final byte[] buffer = new byte[64 * 1024];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int pos;
    private int limit;
    private long rawOffset; // of buffer[0] in the file, for messages
    private int members;
    private long inflated;
    private boolean inMember;
    private String part = "the header of gzip member 1"; // where the file is being read, for a truncation message
    private boolean ended;

    private TarGz(InputStream raw, DecompressionCap cap) {
        this.raw = raw;
        this.cap = cap;
    }

    /** Opens the file, capped at {@link DecompressionCap#forFile} of its size; nothing is read until the first read. */
    static TarGz open(Path file) throws IOException {
        return new TarGz(Files.newInputStream(file), DecompressionCap.forFile(Files.size(file)));
    }

    /** Over any stream of gzip bytes, for tests. */
    static TarGz of(InputStream raw) {
        return of(raw, DecompressionCap.NONE);
    }

    /** Over any stream of gzip bytes, inflated up to {@code cap}. */
    static TarGz of(InputStream raw, DecompressionCap cap) {
        return new TarGz(raw, cap);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                if (!startMember()) {
                    ended = true;
                    break;
                }
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("corrupt deflate data in gzip member " + members + " ("
                        + Causes.describe(e) + ")");
            }
            if (n > 0) {
                inflated += n;
                if (inflated > cap.maxBytes()) {
                    throw cap.exceeded();
                }
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                pos = limit - inflater.getRemaining();
                checkTrailer();
                inMember = false;
            } else if (inflater.needsDictionary()) {
                throw new ZipException("gzip member " + members + " asks for a preset dictionary, which gzip never"
                        + " uses");
            } else if (inflater.needsInput()) {
                fill();
                inflater.setInput(buffer, pos, limit - pos);
            }
        }
        return -1;
    }

    // Python's gzip: zero bytes after a member are padding; then the file ends or another member starts.
    private boolean startMember() throws IOException {
        int first = next();
        if (members > 0) {
            while (first == 0) {
                first = next();
            }
            if (first == -1) {
                return false;
            }
        }
        long start = rawOffset + pos - 1;
        part = "the header of gzip member " + (members + 1);
        int second = first == -1 ? -1 : next();
        if (first != MAGIC_1 || second != MAGIC_2) {
            throw new ZipException(members == 0
                    ? "not in gzip format: it starts with " + hex(first, second) + ", a gzip file with 0x1f 0x8b"
                    : "garbage after gzip member " + members + " at byte " + start + ": " + hex(first, second)
                            + " where the file should end or another member start with 0x1f 0x8b");
        }
        int method = required();
        if (method != DEFLATE) {
            throw new ZipException("gzip member " + (members + 1) + " uses compression method " + method
                    + "; gzip defines only 8 (deflate)");
        }
        int flags = required();
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new ZipException("gzip member " + (members + 1) + " sets reserved header flags (0x"
                    + Integer.toHexString(flags) + ")");
        }
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(required() | required() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2); // neither Python's gzip nor tar checks the header CRC
        }
        members++;
        part = "the compressed data of gzip member " + members;
        inMember = true;
        inflater.reset();
        crc.reset();
        inflater.setInput(buffer, pos, limit - pos);
        return true;
    }

    private void checkTrailer() throws IOException {
        part = "the trailer (CRC-32 and length) of gzip member " + members;
        long storedCrc = littleEndianInt();
        long storedSize = littleEndianInt();
        if (storedCrc != crc.getValue()) {
            throw new ZipException("gzip member " + members + " fails its CRC-32 check: the trailer says 0x"
                    + Long.toHexString(storedCrc) + ", the data gives 0x" + Long.toHexString(crc.getValue()));
        }
        long size = inflater.getBytesWritten() & 0xffff_ffffL;
        if (storedSize != size) {
            throw new ZipException("gzip member " + members + " has the wrong length: the trailer says "
                    + storedSize + " bytes (modulo 2^32), the data is " + size);
        }
    }

    private long littleEndianInt() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            value |= (long) required() << shift;
        }
        return value;
    }

    private void skipZeroTerminated() throws IOException {
        while (required() != 0) {
            // the file name or comment: not needed
        }
    }

    private void skip(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            required();
        }
    }

    private int required() throws IOException {
        int b = next();
        if (b == -1) {
            throw truncated();
        }
        return b;
    }

    private int next() throws IOException {
        if (pos == limit && !refill()) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    private void fill() throws IOException {
        if (!refill()) {
            throw truncated();
        }
    }

    private boolean refill() throws IOException {
        rawOffset += limit;
        pos = 0;
        limit = 0;
        int n = raw.read(buffer);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private EOFException truncated() {
        return new EOFException("the file ends inside " + part + ", after " + rawOffset + " bytes");
    }

    private static String hex(int first, int second) {
        if (first == -1) {
            return "nothing (the file is empty)";
        }
        return second == -1 ? String.format("0x%02x and then ends", first) : String.format("0x%02x 0x%02x", first,
                second);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        raw.close();
    }
}
