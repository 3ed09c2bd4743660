package io.github.yogs0ddhoth.pypi.distribution;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a tar stream member by member the way Python's tarfile does, since twine and PyPI read sdists with it: v7,
 * old GNU, ustar and pax headers; GNU long names and link names; pax extended and global records (path, linkpath,
 * size, and GNU.sparse.name); octal and GNU base-256 numbers. Member data is never held: this stream reads the current
 * member's data, and {@link #next()} skips what is left of it.
 *
 * <p>Sizes come from the archive and may be hostile: a long-name or pax header is read into memory only up to
 * {@link #MAX_EXTENDED_HEADER}, and nothing else is allocated from a size the archive states. A header that does not
 * parse, or an archive that ends inside a member's data, is an {@link IOException} saying where and why. The archive
 * ends at a zero block (tar writes two; tarfile stops at the first) or at the end of the stream.
 */
final class TarReader extends InputStream {

    static final int BLOCK = 512;
    /** The largest long-name or pax header read. Real ones are a few hundred bytes; a path is at most a few KiB. */
    static final int MAX_EXTENDED_HEADER = 1024 * 1024;
    /** The most characters of a name or value from the archive that a message shows. */

    private final InputStream in;
    private final byte[] block = new byte[BLOCK];
    private final byte[] scratch = new byte[16 * 1024];
    private final Map<String, String> globalPax = new HashMap<>();
    private long globalPaxChars;
    private boolean globalSparse;
    private long offset;
    private long remaining;
    private long padding;
    private String current = "";
    private boolean ended;

    TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next member's header, with its data ready to {@link #read}; {@code null} at the end of the archive. The
     * rest of the previous member's data is skipped.
     */
    TarEntry next() throws IOException {
        if (ended) {
            return null;
        }
        skipData();
        String name = null;
        String linkName = null;
        long paxSize = -1;
        boolean sparse = false;
        String extension = null; // the kind of the extended header just read, which a member must follow
        while (true) {
            long at = offset;
            if (!readHeaderBlock()) {
                if (extension != null) {
                    throw malformed(at, "the archive ends after " + extension + ", before the member it describes");
                }
                ended = true;
                return null;
            }
            verifyChecksum(at);
            long size = number(124, 12, "size", at);
            if (size < 0) {
                throw malformed(at, "the size field holds " + size + ", a negative size");
            }
            // Not needed, but tarfile parses them and refuses the header if they are not numbers.
            number(100, 8, "mode", at);
            number(108, 8, "uid", at);
            number(116, 8, "gid", at);
            number(136, 12, "mtime", at);
            number(329, 8, "devmajor", at);
            number(337, 8, "devminor", at);
            byte type = block[156];
            switch (type) {
                case 'L', 'K' -> {
                    String value = text(readExtended(size, at, type == 'L' ? "GNU long name" : "GNU long link name"));
                    if (type == 'L' && name == null) {
                        name = value;
                    } else if (type == 'K' && linkName == null) {
                        linkName = value;
                    }
                    extension = type == 'L' ? "a GNU long name header" : "a GNU long link name header";
                }
                case 'x', 'X' -> {
                    // An earlier extended header wins over a later one, as in tarfile, which applies them innermost
                    // first; the global records apply under the member's own.
                    Map<String, String> records = pax(readExtended(size, at, "pax extended header"), at);
                    if (name == null) {
                        name = paxName(records);
                    }
                    if (linkName == null) {
                        linkName = record(records, "linkpath");
                    }
                    String sizeRecord = record(records, "size");
                    if (paxSize < 0 && sizeRecord != null) {
                        paxSize = paxSize(sizeRecord, at);
                    }
                    sparse |= isSparse(records);
                    extension = "a pax extended header";
                }
                case 'g' -> {
                    addGlobal(pax(readExtended(size, at, "pax global header"), at), at);
                    extension = "a pax global header";
                }
                default -> {
                    return member(at, type, size, name, linkName, paxSize, sparse);
                }
            }
        }
    }

    private TarEntry member(long at, byte type, long headerSize, String extendedName, String extendedLink,
            long paxSize, boolean paxSparse) throws IOException {
        String headerName = text(block, 0, 100);
        if (type == TarEntry.OLD_NORMAL && headerName.endsWith("/")) {
            type = TarEntry.DIRECTORY; // v7 tar marks a directory only by the slash
        }
        String name = extendedName;
        if (name == null) {
            name = paxName(Map.of());
        }
        if (name == null) {
            // tarfile joins the ustar prefix whatever the magic says, except to GNU's own types.
            String prefix = text(block, 345, 155);
            name = prefix.isEmpty() || type == TarEntry.GNU_SPARSE ? headerName : prefix + "/" + headerName;
        }
        String linkName = extendedLink != null ? extendedLink : Objects.requireNonNullElse(
                record(Map.of(), "linkpath"), text(block, 157, 100));
        current = name;
        if (type == TarEntry.GNU_SPARSE) {
            skipSparseExtensions(at);
        }
        long size = paxSize >= 0 ? paxSize : headerSize;
        boolean link = type == TarEntry.HARD_LINK || type == TarEntry.SYMBOLIC_LINK;
        boolean sparse = paxSparse || type == TarEntry.GNU_SPARSE || globalSparse;
        remaining = hasData(type) ? size : 0;
        padding = padding(remaining);
        return new TarEntry(name, link ? linkName : "", type, size, sparse);
    }

    // tarfile skips data only after regular members and types it does not know; a directory, link, device or FIFO
    // header is followed by the next header whatever its size field says.
    private static boolean hasData(byte type) {
        return switch (type) {
            case TarEntry.HARD_LINK, TarEntry.SYMBOLIC_LINK, TarEntry.CHARACTER_DEVICE, TarEntry.BLOCK_DEVICE,
                    TarEntry.DIRECTORY, TarEntry.FIFO -> false;
            default -> true;
        };
    }

    // Global records are kept apart and looked up under a member's own, so that a large global header costs no copy
    // per member.
    private String record(Map<String, String> local, String key) {
        String value = local.get(key);
        return value != null ? value : globalPax.get(key);
    }

    private void addGlobal(Map<String, String> records, long at) throws IOException {
        for (Map.Entry<String, String> r : records.entrySet()) {
            String old = globalPax.put(r.getKey(), r.getValue());
            globalPaxChars += r.getKey().length() + r.getValue().length()
                    - (old == null ? 0 : r.getKey().length() + old.length());
        }
        if (globalPaxChars > MAX_EXTENDED_HEADER) {
            throw malformed(at, "the pax global records add up to more than " + MAX_EXTENDED_HEADER + " characters,"
                    + " the most this plugin keeps; real ones are a few hundred");
        }
        globalSparse |= isSparse(records);
    }

    private String paxName(Map<String, String> local) {
        String sparseName = record(local, "GNU.sparse.name");
        if (sparseName != null) {
            return sparseName;
        }
        String path = record(local, "path");
        if (path == null) {
            return null;
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static boolean isSparse(Map<String, String> records) {
        return "sparse".equals(records.get("SCHILY.filetype"))
                || records.keySet().stream().anyMatch(key -> key.startsWith("GNU.sparse."));
    }

    private long paxSize(String value, long at) throws IOException {
        try {
            long size = Long.parseLong(value);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(at, "the pax record size=" + DisplayName.shortened(value) + " is not a size in bytes");
    }

    // An old GNU sparse header holds four regions; more follow in extension blocks while the last byte says so.
    private void skipSparseExtensions(long at) throws IOException {
        boolean extended = block[482] != 0;
        while (extended) {
            if (in.readNBytes(block, 0, BLOCK) < BLOCK) {
                throw malformed(at, "the archive ends inside the sparse map of '" + DisplayName.shortened(current)
                        + "'");
            }
            offset += BLOCK;
            extended = block[504] != 0;
        }
    }

    private byte[] readExtended(long size, long at, String what) throws IOException {
        if (size > MAX_EXTENDED_HEADER) {
            throw malformed(at, "the " + what + " declares " + size + " bytes, more than the " + MAX_EXTENDED_HEADER
                    + " this plugin reads; real ones are a few hundred");
        }
        int length = (int) size;
        byte[] data = in.readNBytes(length);
        offset += data.length;
        if (data.length < length || skipRaw(padding(length)) < padding(length)) {
            throw malformed(at, "the archive ends inside the " + what);
        }
        return data;
    }

    // A pax header is records "<length> <keyword>=<value>\n", the length counting the whole record in bytes.
    private Map<String, String> pax(byte[] data, long at) throws IOException {
        Map<String, String> records = new HashMap<>();
        int pos = 0;
        while (pos < data.length && data[pos] != 0) { // NUL bytes pad the last block
            int digitsEnd = pos;
            long length = 0;
            while (digitsEnd < data.length && data[digitsEnd] >= '0' && data[digitsEnd] <= '9'
                    && length <= data.length) {
                length = length * 10 + (data[digitsEnd++] - '0');
            }
            long end = pos + length;
            int equals = -1;
            if (digitsEnd > pos && digitsEnd < data.length && data[digitsEnd] == ' ' && end > digitsEnd + 2
                    && end <= data.length && data[(int) end - 1] == '\n') {
                for (int i = digitsEnd + 2; i < end - 1 && equals < 0; i++) {
                    if (data[i] == '=') {
                        equals = i;
                    }
                }
            }
            if (equals < 0) {
                throw malformed(at, "the pax header holds a malformed record at byte " + pos + " ('"
                        + DisplayName.shortened(text(data, pos, Math.min(data.length - pos, 40))) + "'); a record is"
                        + " '<length> <keyword>=<value>' and a line feed, the length counting every byte");
            }
            int space = digitsEnd;
            records.put(new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8),
                    new String(data, equals + 1, (int) end - 1 - equals - 1, StandardCharsets.UTF_8));
            pos = (int) end;
        }
        return records;
    }

    /** Reads the next block; false at the end of the archive: the end of the stream, or a block of zeros. */
    private boolean readHeaderBlock() throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        offset += n;
        if (n < BLOCK) {
            // A partial block is no header; tarfile and GNU tar take it for the end of the archive.
            return false;
        }
        for (byte b : block) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    // The checksum is the header's byte sum with its own field taken as eight spaces. Old tars summed signed bytes,
    // so tarfile accepts either sum.
    private void verifyChecksum(long at) throws IOException {
        long stored = number(148, 8, "checksum", at);
        long unsigned = 8 * ' ';
        long signed = 8 * ' ';
        for (int i = 0; i < BLOCK; i++) {
            if (i < 148 || i >= 156) {
                unsigned += block[i] & 0xff;
                signed += block[i];
            }
        }
        if (stored != unsigned && stored != signed) {
            throw malformed(at, "the header checksum is " + stored + " but the header sums to " + unsigned
                    + "; the header is corrupt or the file is not a tar");
        }
    }

    // A numeric field: octal digits ended by a NUL or space, or, in GNU's base-256 for values octal cannot hold,
    // a first byte of 0x80 (positive) or 0xff (negative) and the value in the bytes after it, big-endian.
    private long number(int start, int length, String field, long at) throws IOException {
        int first = block[start] & 0xff;
        if (first == 0x80 || first == 0xff) {
            byte[] digits = new byte[length - 1];
            System.arraycopy(block, start + 1, digits, 0, length - 1);
            BigInteger value = new BigInteger(1, digits);
            if (first == 0xff) {
                value = value.subtract(BigInteger.ONE.shiftLeft(8 * (length - 1)));
            }
            if (value.bitLength() > 63) {
                throw malformed(at, "the " + field + " field holds a base-256 number too large to use");
            }
            return value.longValue();
        }
        String digits = text(block, start, length).strip();
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '7') {
                throw malformed(at, "the " + field + " field holds '" + DisplayName.of(digits) + "', not an octal"
                        + " number; the header is corrupt or the file is not a tar");
            }
            value = value * 8 + (c - '0');
        }
        return value;
    }

    // Like tarfile's nts(): the bytes up to the first NUL. Names are UTF-8 in every tar an sdist builder writes.
    private static String text(byte[] bytes, int start, int length) {
        int end = start;
        while (end < start + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return text(bytes, 0, bytes.length);
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private void skipData() throws IOException {
        // Two skips: a hostile size near Long.MAX_VALUE plus its padding would overflow.
        if (skipRaw(remaining) < remaining || skipRaw(padding) < padding) {
            throw truncated();
        }
        remaining = 0;
        padding = 0;
    }

    /** Skips up to {@code count} bytes of the tar stream by reading them; fewer only at the end of the stream. */
    private long skipRaw(long count) throws IOException {
        long skipped = 0;
        while (skipped < count) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
            if (n < 0) {
                break;
            }
            skipped += n;
        }
        offset += skipped;
        return skipped;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    /** Reads the current member's data; -1 at its end. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw truncated();
        }
        remaining -= n;
        offset += n;
        return n;
    }

    private EOFException truncated() {
        return new EOFException("the tar archive ends inside the data of member '" + DisplayName.shortened(current)
                + "'");
    }

    private static IOException malformed(long at, String why) {
        return new IOException("invalid tar header at byte " + at + " of the tar stream: " + why);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
