package io.github.yogs0ddhoth.pypi.distribution;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ZIP archive's records the way PyPI validates them before accepting a wheel: the central directory (as
 * Python's zipfile reads it), then every record from the first byte to the last, in order, as a streaming reader
 * would see them. PyPI refuses an archive on which the two views could disagree (a data descriptor, a duplicate name,
 * trailing data...), because installers differ in which view they trust.
 *
 * <p>Only headers are read, through positioned reads: entry data is skipped, never loaded, so a wheel of any size
 * costs a few kilobytes of memory. Where PyPI stops at the first problem, this walk goes on when it safely can (past a
 * data descriptor, using the central directory's sizes), so that one run reports every kind of problem. The few
 * entries a reader needs (METADATA, RECORD, entry_points.txt) are then read through the same open channel, found as
 * Python's zipfile finds them: by the central directory's offset and sizes.
 */
final class ZipFraming {

    private static final int LOCAL_FILE = 0x04034b50;
    private static final int CENTRAL_DIRECTORY = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;

    private static final int EOCD_SIZE = 22;
    private static final int MAX_EOCD_COMMENT = 65535;
    private static final long UNKNOWN_32 = 0xFFFFFFFFL;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int UNICODE_PATH_EXTRA = 0x7075;
    private static final int FLAG_DATA_DESCRIPTOR = 0x08;
    private static final int FLAG_UTF8 = 0x800;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /** PyPI's zip-bomb guard: more than 64 MiB decompressed at more than 50 times the file size. */
    static final long RATIO_MIN_SIZE = 64L * 1024 * 1024;
    static final int RATIO_THRESHOLD = 50;

    private static final int SHOWN_NAMES = 5;
    private static final Charset CP437 = cp437();

    private ZipFraming() {}

    /** One central directory entry, with the values the walk compares local headers against. */
    private record CentralEntry(String name, int method, long compressedSize, long size, int commentLength,
            boolean zip64Sizes, long localOffset) {}

    /** Thrown when the records cannot be followed any further. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason);
        }
    }

    /** Collects problems by PyPI reason, with the entries affected. */
    private static final class Problems {
        private final Map<String, ZipListing.Flaw> rules = new LinkedHashMap<>();
        private final Map<String, Set<String>> entries = new LinkedHashMap<>();
        private final Map<String, String> details = new HashMap<>();

        void add(ZipListing.Flaw rule, String reason, String entry) {
            rules.putIfAbsent(reason, rule);
            Set<String> set = entries.computeIfAbsent(reason, r -> new LinkedHashSet<>());
            if (entry != null) {
                set.add(entry);
            }
        }

        void addDetail(ZipListing.Flaw rule, String reason, String detail) {
            rules.putIfAbsent(reason, rule);
            entries.computeIfAbsent(reason, r -> new LinkedHashSet<>());
            details.putIfAbsent(reason, detail);
        }

        List<ZipListing.Problem> toList(int totalEntries) {
            List<ZipListing.Problem> list = new ArrayList<>();
            rules.forEach((reason, rule) -> {
                String detail = details.get(reason);
                Set<String> names = entries.get(reason);
                if (detail == null) {
                    detail = names.isEmpty() ? "" : describe(names, totalEntries);
                }
                list.add(new ZipListing.Problem(rule, reason, detail));
            });
            return list;
        }

        private static String describe(Set<String> names, int total) {
            StringBuilder sb = new StringBuilder();
            sb.append(names.size()).append(" of ").append(total).append(total == 1 ? " entry" : " entries");
            sb.append(" (");
            int shown = 0;
            for (String name : names) {
                if (shown == SHOWN_NAMES) {
                    sb.append(", ...");
                    break;
                }
                sb.append(shown > 0 ? ", '" : "'").append(DisplayName.shortened(name)).append('\'');
                shown++;
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Opens the archive and reads its framing; entries are then read with {@link Archive#read}. A central directory
     * that cannot be found or followed is not an exception: the archive then has no names and one MALFORMED problem.
     *
     * @throws IOException if the file cannot be read at all
     */
    static Archive open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Reader reader = new Reader(channel);
            Problems problems = new Problems();
            Map<String, CentralEntry> central = new LinkedHashMap<>();
            int entryCount;
            try {
                entryCount = readCentralDirectory(reader, central, problems);
            } catch (Malformed e) {
                problems.add(ZipListing.Flaw.MALFORMED, e.getMessage(), null);
                return new Archive(reader, Map.of(), problems.toList(0), false);
            }
            checkRatio(central, reader.size(), problems);
            try {
                walk(reader, central, problems);
            } catch (Malformed e) {
                problems.add(ZipListing.Flaw.MALFORMED, e.getMessage(), null);
            }
            return new Archive(reader, central, problems.toList(entryCount), true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** An open archive whose framing has been read. */
    static final class Archive implements java.io.Closeable {
        private final Reader reader;
        private final Map<String, CentralEntry> central;
        private final List<ZipListing.Problem> problems;
        private final boolean centralDirectoryRead;

        private Archive(Reader reader, Map<String, CentralEntry> central, List<ZipListing.Problem> problems,
                boolean centralDirectoryRead) {
            this.reader = reader;
            this.central = central;
            this.problems = problems;
            this.centralDirectoryRead = centralDirectoryRead;
        }

        /** Whether the central directory was found and followed; if not, {@link #problems} says why. */
        boolean centralDirectoryRead() {
            return centralDirectoryRead;
        }

        Set<String> names() {
            return central.keySet();
        }

        List<ZipListing.Problem> problems() {
            return problems;
        }

        /** Whether the archive has a file (not a directory) of exactly this name. */
        boolean isFile(String name) {
            return central.containsKey(name) && !name.endsWith("/");
        }

        /** The uncompressed size the central directory declares for an entry. */
        long declaredSize(String name) {
            return central.get(name).size();
        }

        /**
         * The data of one entry, stored or deflated, found by its local header at the central directory's offset.
         *
         * @throws IOException when the entry's header or data cannot be read, or it uses another compression method
         */
        InputStream read(String name) throws IOException {
            CentralEntry entry = central.get(name);
            if (entry == null) {
                throw new IOException("no entry '" + DisplayName.shortened(name) + "'");
            }
            long dataStart;
            try {
                ByteBuffer h = reader.read(entry.localOffset(), 30);
                if (h.getInt(0) != LOCAL_FILE) {
                    throw new java.util.zip.ZipException("no local header at offset " + entry.localOffset() + " for '"
                            + DisplayName.shortened(name) + "'");
                }
                dataStart = entry.localOffset() + 30 + Short.toUnsignedInt(h.getShort(26))
                        + Short.toUnsignedInt(h.getShort(28));
                if (dataStart + entry.compressedSize() > reader.size()) {
                    throw new Malformed("entry data runs past the end of the file");
                }
            } catch (Malformed e) {
                throw new java.util.zip.ZipException("entry '" + DisplayName.shortened(name) + "': " + e.getMessage());
            }
            InputStream raw = new ChannelRange(reader.channel, dataStart, entry.compressedSize());
            return switch (entry.method()) {
                case STORED -> raw;
                case DEFLATED -> new java.util.zip.InflaterInputStream(raw, new java.util.zip.Inflater(true), 8192);
                default -> throw new java.util.zip.ZipException("entry '" + DisplayName.shortened(name)
                        + "' uses compression method "
                        + entry.method() + ", which is neither stored (0) nor deflated (8)");
            };
        }

        @Override
        public void close() throws IOException {
            reader.channel.close();
        }
    }

    /** A range of a channel as a stream, read with positioned reads so several can share the channel. */
    private static final class ChannelRange extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        ChannelRange(FileChannel channel, long start, long length) {
            this.channel = channel;
            this.position = start;
            this.end = start + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                throw new EOFException("the file ended inside an entry's data");
            }
            position += n;
            return n;
        }
    }

    // Python's zipfile: the end record is the last signature within the final 64 KiB plus its own size; from it, the
    // central directory, whose entries are what PyPI's checks look names up in.
    private static int readCentralDirectory(Reader reader, Map<String, CentralEntry> central, Problems problems)
            throws IOException, Malformed {
        long size = reader.size();
        if (size < EOCD_SIZE) {
            throw new Malformed("Malformed zip file");
        }
        long tailStart = Math.max(0, size - EOCD_SIZE - MAX_EOCD_COMMENT);
        ByteBuffer tail = reader.read(tailStart, (int) (size - tailStart));
        long eocd = -1;
        for (int i = tail.limit() - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == END_OF_CENTRAL_DIRECTORY) {
                eocd = tailStart + i;
                break;
            }
        }
        if (eocd < 0) {
            throw new Malformed("Malformed zip file");
        }
        ByteBuffer end = reader.read(eocd, EOCD_SIZE);
        long records = Short.toUnsignedInt(end.getShort(10));
        long cdSize = Integer.toUnsignedLong(end.getInt(12));
        long claimedCdStart = Integer.toUnsignedLong(end.getInt(16));
        if (records == 0xFFFF || cdSize == UNKNOWN_32 || Integer.toUnsignedLong(end.getInt(16)) == UNKNOWN_32) {
            long locator = eocd - 20;
            if (locator >= 0 && reader.read(locator, 4).getInt(0) == ZIP64_LOCATOR) {
                long zip64End = reader.read(locator, 20).getLong(8);
                ByteBuffer z = reader.read(zip64End, 56);
                if (z.getInt(0) != ZIP64_END) {
                    throw new Malformed("Malformed zip file");
                }
                records = z.getLong(32);
                cdSize = z.getLong(40);
                claimedCdStart = z.getLong(48);
            }
        }
        // Like Python, find the directory just before the end record(s), whatever offset the record claims: a
        // prefix before the archive then shows up in the walk, as it does for PyPI.
        long cdStart = eocd - cdSize;
        if (reader.read(Math.max(0, eocd - 20), 4).getInt(0) == ZIP64_LOCATOR && records > 0) {
            cdStart = eocd - 20 - 56 - cdSize;
        }
        if (cdStart < 0 || cdSize > Integer.MAX_VALUE) {
            throw new Malformed("Malformed zip file");
        }
        // Python adds the same shift to every local header offset.
        long shift = cdStart - claimedCdStart;
        ByteBuffer cd = reader.read(cdStart, (int) cdSize);
        int pos = 0;
        int count = 0;
        Set<String> seen = new HashSet<>();
        while (pos + 46 <= cd.limit() && cd.getInt(pos) == CENTRAL_DIRECTORY) {
            int flags = Short.toUnsignedInt(cd.getShort(pos + 8));
            int method = Short.toUnsignedInt(cd.getShort(pos + 10));
            long compressed = Integer.toUnsignedLong(cd.getInt(pos + 20));
            long uncompressed = Integer.toUnsignedLong(cd.getInt(pos + 24));
            int nameLength = Short.toUnsignedInt(cd.getShort(pos + 28));
            int extraLength = Short.toUnsignedInt(cd.getShort(pos + 30));
            int commentLength = Short.toUnsignedInt(cd.getShort(pos + 32));
            if (pos + 46 + nameLength + extraLength + commentLength > cd.limit()) {
                throw new Malformed("Malformed zip file");
            }
            byte[] nameBytes = bytes(cd, pos + 46, nameLength);
            String name = decodeName(nameBytes, (flags & FLAG_UTF8) != 0);
            long localOffset = Integer.toUnsignedLong(cd.getInt(pos + 42));
            boolean zip64 = compressed == UNKNOWN_32 || uncompressed == UNKNOWN_32;
            if (zip64 || localOffset == UNKNOWN_32) {
                long[] values = zip64Values(cd, pos + 46 + nameLength, extraLength, uncompressed, compressed,
                        localOffset);
                uncompressed = values[0];
                compressed = values[1];
                localOffset = values[2];
            }
            count++;
            if (!seen.add(name)) {
                problems.add(ZipListing.Flaw.DUPLICATE_NAME, "Duplicate filename in central directory", name);
            }
            if (commentLength != 0) {
                problems.add(ZipListing.Flaw.ENTRY_COMMENT, "Comment in central directory", name);
            }
            if (method != STORED && method != DEFLATED) {
                problems.add(ZipListing.Flaw.COMPRESSION_METHOD, "File does not use a supported compression type",
                        name + " (method " + method + ")");
            }
            // Python's zipfile keeps the last of two same-named entries; so does this map.
            central.put(name, new CentralEntry(name, method, compressed, uncompressed, commentLength, zip64,
                    localOffset + shift));
            pos += 46 + nameLength + extraLength + commentLength;
        }
        return count;
    }

    // ZIP64 extended information: the 64-bit values, in this order, of those fields whose 32-bit value is all ones.
    private static long[] zip64Values(ByteBuffer buf, int start, int length, long uncompressed, long compressed,
            long localOffset) {
        int pos = start;
        while (pos + 4 <= start + length) {
            int id = Short.toUnsignedInt(buf.getShort(pos));
            int size = Short.toUnsignedInt(buf.getShort(pos + 2));
            if (id == ZIP64_EXTRA) {
                int p = pos + 4;
                int end = pos + 4 + size;
                if (uncompressed == UNKNOWN_32 && p + 8 <= end) {
                    uncompressed = buf.getLong(p);
                    p += 8;
                }
                if (compressed == UNKNOWN_32 && p + 8 <= end) {
                    compressed = buf.getLong(p);
                    p += 8;
                }
                if (localOffset == UNKNOWN_32 && p + 8 <= end) {
                    localOffset = buf.getLong(p);
                }
                break;
            }
            pos += 4 + size;
        }
        return new long[] {uncompressed, compressed, localOffset};
    }

    private static void checkRatio(Map<String, CentralEntry> central, long fileSize, Problems problems) {
        long decompressed = central.values().stream().mapToLong(CentralEntry::size).sum();
        if (decompressed > RATIO_MIN_SIZE && fileSize > 0 && (double) decompressed / fileSize > RATIO_THRESHOLD) {
            problems.addDetail(ZipListing.Flaw.COMPRESSION_RATIO, "File exceeds compression ratio of " + RATIO_THRESHOLD,
                    "the entries decompress to " + decompressed + " bytes from a " + fileSize + "-byte file, a ratio"
                            + " of " + Math.round((double) decompressed / fileSize) + "; PyPI refuses more than "
                            + RATIO_THRESHOLD + " once the total passes " + RATIO_MIN_SIZE + " bytes (64 MiB)");
        }
    }

    // PyPI's zipfiles.validate_zipfile: records in file order from offset 0 up to the end record, then nothing else.
    private static void walk(Reader reader, Map<String, CentralEntry> central, Problems problems)
            throws IOException, Malformed {
        long pos = 0;
        Set<String> local = new HashSet<>();
        Set<String> listed = new HashSet<>();
        long cdRecords = 0;
        long cdOffset = -1;
        long cdSize = 0;
        Long eocdRecords = null;
        Long eocdCdSize = null;
        Long eocdCdOffset = null;
        Long expectedZip64End = null;
        Long zip64Locator = null;
        while (true) {
            int signature = reader.read(pos, 4).getInt(0);
            if (signature == END_OF_CENTRAL_DIRECTORY && expectedZip64End != null && zip64Locator == null) {
                throw new Malformed("Malformed zip file");
            }
            if (signature == CENTRAL_DIRECTORY) {
                if (cdOffset < 0) {
                    cdOffset = pos;
                }
                cdRecords++;
                ByteBuffer h = reader.read(pos, 46);
                int flags = Short.toUnsignedInt(h.getShort(8));
                int nameLength = Short.toUnsignedInt(h.getShort(28));
                int extraLength = Short.toUnsignedInt(h.getShort(30));
                int commentLength = Short.toUnsignedInt(h.getShort(32));
                byte[] name = bytes(reader.read(pos + 46, nameLength), 0, nameLength);
                if (hasUnprintable(name)) {
                    throw new Malformed("Invalid character in filename");
                }
                String decoded = decodeName(name, (flags & FLAG_UTF8) != 0);
                // A repeated name was already reported from the central directory read.
                if (listed.add(decoded) && !local.contains(decoded)) {
                    problems.add(ZipListing.Flaw.MALFORMED, "Missing filename in local headers", decoded);
                }
                // PyPI leaves comments out of this sum because it has already refused them; counting them here
                // keeps a commented entry from also showing up as a size mismatch.
                cdSize += 46 + nameLength + extraLength + commentLength;
                pos += 46L + nameLength + extraLength + commentLength;
            } else if (signature == LOCAL_FILE) {
                pos = localFile(reader, pos, central, local, problems);
            } else if (signature == END_OF_CENTRAL_DIRECTORY) {
                if (cdOffset < 0) {
                    cdOffset = pos;
                }
                ByteBuffer e = reader.read(pos, EOCD_SIZE);
                if (e.getShort(8) != e.getShort(10)) {
                    throw new Malformed("Malformed zip file");
                }
                if (zip64Locator == null || eocdCdOffset == null) {
                    eocdRecords = (long) Short.toUnsignedInt(e.getShort(10));
                    eocdCdSize = Integer.toUnsignedLong(e.getInt(12));
                    eocdCdOffset = Integer.toUnsignedLong(e.getInt(16));
                }
                if (eocdRecords != cdRecords) {
                    throw new Malformed("Mismatched central directory records");
                }
                if (eocdCdOffset != cdOffset) {
                    throw new Malformed("Mismatched central directory offset");
                }
                if (eocdCdSize != cdSize) {
                    throw new Malformed("Mismatched central directory size");
                }
                pos += EOCD_SIZE + Short.toUnsignedInt(e.getShort(20));
                break;
            } else if (signature == ZIP64_END) {
                expectedZip64End = pos;
                ByteBuffer z = reader.read(pos, 56);
                long recordSize = z.getLong(4);
                if (z.getLong(24) != z.getLong(32)) {
                    throw new Malformed("Malformed zip file");
                }
                if (recordSize != 44) {
                    throw new Malformed("ZIP64 extensible data not allowed");
                }
                eocdRecords = z.getLong(32);
                eocdCdSize = z.getLong(40);
                eocdCdOffset = z.getLong(48);
                pos += 56;
            } else if (signature == ZIP64_LOCATOR) {
                zip64Locator = reader.read(pos, 20).getLong(8);
                pos += 20;
            } else {
                throw new Malformed("Unknown record signature");
            }
        }
        if (pos != reader.size()) {
            problems.addDetail(ZipListing.Flaw.TRAILING_DATA, "Trailing data", (reader.size() - pos) + " bytes follow the"
                    + " end-of-central-directory record (and its comment), which ends at byte " + pos + " of "
                    + reader.size());
        }
    }

    private static long localFile(Reader reader, long pos, Map<String, CentralEntry> central, Set<String> local,
            Problems problems) throws IOException, Malformed {
        ByteBuffer h = reader.read(pos, 30);
        int flags = Short.toUnsignedInt(h.getShort(6));
        int method = Short.toUnsignedInt(h.getShort(8));
        long compressed = Integer.toUnsignedLong(h.getInt(18));
        long size = Integer.toUnsignedLong(h.getInt(22));
        int nameLength = Short.toUnsignedInt(h.getShort(26));
        int extraLength = Short.toUnsignedInt(h.getShort(28));
        byte[] name = bytes(reader.read(pos + 30, nameLength), 0, nameLength);
        ByteBuffer extra = reader.read(pos + 30 + nameLength, extraLength);
        if (hasUnprintable(name)) {
            throw new Malformed("Invalid character in filename");
        }
        long[] sizes = localExtras(extra, method, compressed, size);
        compressed = sizes[0];
        size = sizes[1];
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("Filename not unicode");
        }
        CentralEntry entry = central.get(decoded);
        if (entry == null) {
            throw new Malformed("Filename not in central directory");
        }
        long dataStart = pos + 30 + nameLength + extraLength;
        long next;
        if ((flags & FLAG_DATA_DESCRIPTOR) != 0) {
            problems.add(ZipListing.Flaw.DATA_DESCRIPTOR, "ZIP contains a data descriptor", decoded);
            // PyPI stops here. Going on with the central directory's size finds the descriptor, so the other
            // entries get checked too: signature (optional), CRC, then 4- or 8-byte sizes.
            long after = dataStart + entry.compressedSize();
            int descriptor = entry.zip64Sizes() ? 20 : 12;
            if (after + 4 <= reader.size() && reader.read(after, 4).getInt(0) == DATA_DESCRIPTOR) {
                descriptor += 4;
            }
            next = after + descriptor;
        } else {
            if (entry.compressedSize() != compressed) {
                problems.add(ZipListing.Flaw.MALFORMED, "Mis-matched data size", decoded);
            }
            if (entry.size() != size) {
                problems.add(ZipListing.Flaw.MALFORMED, "Mis-matched file size", decoded);
            }
            next = dataStart + compressed;
        }
        if (!local.add(decoded)) {
            problems.add(ZipListing.Flaw.DUPLICATE_NAME, "Duplicate filename in local headers", decoded);
        }
        return next;
    }

    // The extra fields of a local header: no duplicate ZIP64 or Unicode-path field, well-formed ZIP64 sizes, and a
    // Unicode path that is printable UTF-8. Returns the effective compressed and uncompressed sizes.
    private static long[] localExtras(ByteBuffer extra, int method, long compressed, long size) throws Malformed {
        Set<Integer> seen = new HashSet<>();
        int pos = 0;
        while (pos < extra.limit()) {
            if (extra.limit() - pos < 4) {
                throw new Malformed("Malformed zip file");
            }
            int id = Short.toUnsignedInt(extra.getShort(pos));
            int length = Short.toUnsignedInt(extra.getShort(pos + 2));
            if (length + 4 > extra.limit() - pos) {
                throw new Malformed("Malformed zip file");
            }
            if (!seen.add(id) && (id == ZIP64_EXTRA || id == UNICODE_PATH_EXTRA)) {
                throw new Malformed("Invalid duplicate extra in local file");
            }
            if (id == ZIP64_EXTRA) {
                if (length != 0 && length != 8 && length != 16 && length != 24 && length != 28) {
                    throw new Malformed("Malformed zip file");
                }
                if (length == 0) {
                    if (compressed == UNKNOWN_32 || size == UNKNOWN_32) {
                        throw new Malformed("Malformed zip file");
                    }
                } else if (length == 8) {
                    if (method != STORED) {
                        throw new Malformed("Malformed zip file");
                    }
                    long uncompressed = extra.getLong(pos + 4);
                    compressed = uncompressed;
                    if (size == UNKNOWN_32) {
                        size = uncompressed;
                    }
                } else {
                    if (size == UNKNOWN_32) {
                        size = extra.getLong(pos + 4);
                    }
                    compressed = extra.getLong(pos + 12);
                }
            } else if (id == UNICODE_PATH_EXTRA && length >= 5) {
                byte[] unicodeName = bytes(extra, pos + 9, length - 5);
                if (hasUnprintable(unicodeName)) {
                    throw new Malformed("Invalid character in filename");
                }
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(unicodeName));
                } catch (CharacterCodingException e) {
                    throw new Malformed("Filename not valid UTF-8");
                }
            }
            pos += 4 + length;
        }
        return new long[] {compressed, size};
    }

    private static boolean hasUnprintable(byte[] name) {
        for (byte b : name) {
            if ((b >= 0 && b < 0x20) || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    // Python's zipfile decodes a name as UTF-8 when flag bit 11 says so, else as code page 437, the ZIP default.
    private static String decodeName(byte[] name, boolean utf8) {
        return new String(name, utf8 ? StandardCharsets.UTF_8 : CP437);
    }

    private static byte[] bytes(ByteBuffer buf, int offset, int length) {
        byte[] out = new byte[length];
        buf.get(offset, out);
        return out;
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (IllegalArgumentException e) {
            // Only reached on a JDK without its extended charsets; ASCII names, which is every real wheel, still match.
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Positioned little-endian reads that fail, as PyPI's walk does, when a record runs past the end. */
    private static final class Reader {
        private final FileChannel channel;
        private final long size;

        Reader(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        long size() {
            return size;
        }

        ByteBuffer read(long position, int length) throws IOException, Malformed {
            if (position < 0 || length < 0 || position + length > size) {
                throw new Malformed("Malformed zip file");
            }
            ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            long at = position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, at);
                if (n < 0) {
                    throw new EOFException("Unexpected end of " + length + " bytes at " + position);
                }
                at += n;
            }
            return buf.flip();
        }
    }
}
