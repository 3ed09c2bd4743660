package io.github.yogs0ddhoth.pypi.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes real wheels, sdists and other tarballs for tests, unit and integration alike (plain static methods, so a
 * Groovy pre-build hook can call them too).
 *
 * <p>The archives are what PyPI accepts: every ZIP entry is STORED with its size and CRC set before it is written, so
 * {@link ZipOutputStream} writes no data descriptor (PyPI refuses ZIPs that use them); the wheel's RECORD lists every
 * file with its sha256 and size. The output is byte-for-byte reproducible (fixed timestamps, owners and modes), so a
 * test may pin a digest.
 *
 * <p>Maps of extra entries are written in sorted order; a {@code null} value removes a standard entry of that name
 * (use a {@link java.util.HashMap}, since {@code Map.of} refuses nulls). I/O failures are thrown as
 * {@link UncheckedIOException}.
 */
public final class TestDistributions {

    /**
     * The time stamp of every entry: 1980-01-02T00:00:00Z. Not the usual 1980-01-01, which the JDK treats as "before
     * 1980" and for which it adds an extended-timestamp extra field to each ZIP entry.
     */
    public static final Instant EPOCH = Instant.ofEpochSecond(315_619_200L);

    private static final LocalDateTime ZIP_TIME =
            LocalDateTime.ofEpochSecond(EPOCH.getEpochSecond(), 0, ZoneOffset.UTC);
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int FILE_MODE = 0100644;
    private static final int DIRECTORY_MODE = 040755;

    private TestDistributions() {}

    /** Minimal valid core metadata (Metadata-Version 2.1) for {@code name} and {@code version}. */
    public static String metadata(String name, String version) {
        return "Metadata-Version: 2.1\n"
                + "Name: " + name + "\n"
                + "Version: " + version + "\n"
                + "Summary: A test distribution\n";
    }

    /**
     * Writes a wheel: {@code <module>/__init__.py}, and in {@code <name>-<version>.dist-info/} (from the file name's
     * first two {@code -}-separated parts) {@code METADATA} with {@code metadataText}, {@code WHEEL} (its tags taken
     * from the file name) and {@code RECORD}.
     *
     * @param metadataText the METADATA content, written as UTF-8; {@code null} writes no METADATA
     * @return the written file, {@code dir/filename} (directories are created)
     */
    public static Path wheel(Path dir, String filename, String metadataText) {
        return wheel(dir, filename, metadataText, Map.of());
    }

    /**
     * As {@link #wheel(Path, String, String)}, plus {@code extraEntries} (full entry names); an extra entry replaces a
     * standard one of the same name, and a {@code null} value removes it. Extra entries are listed in RECORD.
     */
    public static Path wheel(Path dir, String filename, String metadataText, Map<String, byte[]> extraEntries) {
        String stem = filename.endsWith(".whl") ? filename.substring(0, filename.length() - 4) : filename;
        String[] parts = stem.split("-");
        String distInfo = (parts.length >= 2 ? parts[0] + "-" + parts[1] : stem) + ".dist-info";
        String module = parts[0].toLowerCase(Locale.ROOT);
        String version = parts.length >= 2 ? parts[1] : "0";

        Map<String, byte[]> payload = new TreeMap<>();
        payload.put(module + "/__init__.py", utf8("__version__ = \"" + version + "\"\n"));
        Map<String, byte[]> distInfoFiles = new TreeMap<>();
        if (metadataText != null) {
            distInfoFiles.put(distInfo + "/METADATA", utf8(metadataText));
        }
        distInfoFiles.put(distInfo + "/WHEEL", utf8(wheelFile(parts)));
        for (Map.Entry<String, byte[]> extra : new TreeMap<>(extraEntries).entrySet()) {
            Map<String, byte[]> target = extra.getKey().startsWith(distInfo + "/") ? distInfoFiles : payload;
            payload.remove(extra.getKey());
            distInfoFiles.remove(extra.getKey());
            target.put(extra.getKey(), extra.getValue());
        }
        String record = distInfo + "/RECORD";
        boolean writeRecord = !extraEntries.containsKey(record) || extraEntries.get(record) != null;
        byte[] recordBytes = extraEntries.get(record);
        distInfoFiles.remove(record);

        // Layout as wheel builders write it: the package first, then .dist-info, with RECORD last.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        payload.forEach((name, bytes) -> putIfPresent(entries, name, bytes));
        putIfPresent(entries, distInfo + "/METADATA", distInfoFiles.remove(distInfo + "/METADATA"));
        putIfPresent(entries, distInfo + "/WHEEL", distInfoFiles.remove(distInfo + "/WHEEL"));
        distInfoFiles.forEach((name, bytes) -> putIfPresent(entries, name, bytes));
        if (writeRecord) {
            entries.put(record, recordBytes != null ? recordBytes : utf8(recordFile(entries, record)));
        }
        return writeZip(dir.resolve(filename), entries);
    }

    /**
     * Writes an sdist: a gzip tar with {@code <topDir>/} and, below it, {@code PKG-INFO}, {@code pyproject.toml} and
     * {@code src/<module>/__init__.py}.
     *
     * @param pkgInfoText the PKG-INFO content, written as UTF-8; {@code null} writes no PKG-INFO
     */
    public static Path sdist(Path dir, String filename, String topDir, String pkgInfoText) {
        return sdist(dir, filename, topDir, pkgInfoText, Map.of());
    }

    /**
     * As {@link #sdist(Path, String, String, String)}, plus {@code extraEntries} named relative to {@code topDir}; an
     * extra entry replaces a standard one, a {@code null} value removes it, a name ending in {@code /} is a directory.
     */
    public static Path sdist(
            Path dir, String filename, String topDir, String pkgInfoText, Map<String, byte[]> extraEntries) {
        String stem = filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7) : filename;
        int dash = stem.lastIndexOf('-');
        String name = dash > 0 ? stem.substring(0, dash) : stem;
        String version = dash > 0 ? stem.substring(dash + 1) : "0";
        String module = name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');

        Map<String, byte[]> files = new TreeMap<>();
        if (pkgInfoText != null) {
            files.put("PKG-INFO", utf8(pkgInfoText));
        }
        files.put("pyproject.toml", utf8("[build-system]\n"
                + "requires = [\"setuptools>=77\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n"
                + "\n"
                + "[project]\n"
                + "name = \"" + name + "\"\n"
                + "version = \"" + version + "\"\n"));
        files.put("src/" + module + "/__init__.py", utf8("__version__ = \"" + version + "\"\n"));
        files.putAll(new TreeMap<>(extraEntries));

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(topDir + "/", new byte[0]);
        // PKG-INFO first, as setuptools writes it; the rest sorted.
        putIfPresent(entries, topDir + "/PKG-INFO", files.remove("PKG-INFO"));
        files.forEach((path, bytes) -> putIfPresent(entries, topDir + "/" + path, bytes));
        return writeTarGz(dir.resolve(filename), entries);
    }

    /**
     * Writes a gzip tar with exactly {@code entries}, in the map's iteration order (pass a {@link LinkedHashMap} or
     * {@link TreeMap} to fix it): for archives that are not sdists, such as a Maven assembly. A name ending in
     * {@code /} is a directory.
     */
    public static Path tarball(Path dir, String filename, Map<String, byte[]> entries) {
        return writeTarGz(dir.resolve(filename), entries);
    }

    /** Writes a ZIP with exactly {@code entries}, in the map's iteration order, STORED and without data descriptors. */
    public static Path zip(Path dir, String filename, Map<String, byte[]> entries) {
        return writeZip(dir.resolve(filename), entries);
    }

    /** The RECORD hash format: {@code sha256=} and the urlsafe base64 digest without padding. */
    public static String recordHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * The general-purpose flags of every local file header, read by walking the headers in order. Bit 3 (value 8)
     * means "sizes and CRC follow the data in a data descriptor", which PyPI refuses. The walk can only skip over an
     * entry's data because its compressed size is in the local header, so a successful walk that ends at the central
     * directory is itself evidence that no entry uses a data descriptor.
     *
     * @throws IllegalStateException if the headers do not lead straight to the central directory
     */
    public static List<Integer> localHeaderFlags(Path zip) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + zip, e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> flags = new ArrayList<>();
        int pos = 0;
        while (pos + 30 <= bytes.length && buffer.getInt(pos) == LOCAL_HEADER) {
            flags.add(Short.toUnsignedInt(buffer.getShort(pos + 6)));
            long compressedSize = Integer.toUnsignedLong(buffer.getInt(pos + 18));
            int nameLength = Short.toUnsignedInt(buffer.getShort(pos + 26));
            int extraLength = Short.toUnsignedInt(buffer.getShort(pos + 28));
            pos = Math.toIntExact(pos + 30L + nameLength + extraLength + compressedSize);
        }
        if (pos + 4 > bytes.length || buffer.getInt(pos) != CENTRAL_HEADER) {
            throw new IllegalStateException(zip + ": expected the central directory at offset " + pos
                    + " after " + flags.size() + " local entries; something else (a data descriptor?) is there");
        }
        return flags;
    }

    private static String wheelFile(String[] parts) {
        StringBuilder wheel = new StringBuilder("Wheel-Version: 1.0\nGenerator: pypi-maven-plugin-tests (1.0)\n");
        if (parts.length == 5 || parts.length == 6) {
            String platform = parts[parts.length - 1];
            wheel.append("Root-Is-Purelib: ").append(platform.equals("any")).append('\n');
            // A compressed tag set stands for every combination of its members.
            for (String python : parts[parts.length - 3].split("\\.")) {
                for (String abi : parts[parts.length - 2].split("\\.")) {
                    for (String plat : platform.split("\\.")) {
                        wheel.append("Tag: ").append(python).append('-').append(abi).append('-').append(plat)
                                .append('\n');
                    }
                }
            }
            if (parts.length == 6) {
                wheel.append("Build: ").append(parts[2]).append('\n');
            }
        } else {
            wheel.append("Root-Is-Purelib: true\n");
        }
        return wheel.toString();
    }

    private static String recordFile(Map<String, byte[]> entries, String record) {
        StringBuilder lines = new StringBuilder();
        entries.forEach((name, bytes) ->
                lines.append(name).append(',').append(recordHash(bytes)).append(',').append(bytes.length).append('\n'));
        return lines.append(record).append(",,\n").toString();
    }

    private static void putIfPresent(Map<String, byte[]> entries, String name, byte[] bytes) {
        if (bytes != null) {
            entries.put(name, bytes);
        }
    }

    private static Path writeZip(Path file, Map<String, byte[]> entries) {
        try {
            createParent(file);
            try (OutputStream out = Files.newOutputStream(file);
                    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    byte[] bytes = e.getValue() == null ? new byte[0] : e.getValue();
                    ZipEntry entry = new ZipEntry(e.getKey());
                    // Everything known before the entry is written, so the local header carries it and general-purpose
                    // flag bit 3 (data descriptor follows) stays clear, as PyPI requires.
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                    entry.setTimeLocal(ZIP_TIME);
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Path writeTarGz(Path file, Map<String, byte[]> entries) {
        try {
            createParent(file);
            GzipParameters gzip = new GzipParameters();
            gzip.setModificationTime(0); // "no time": keeps the bytes reproducible
            try (OutputStream out = Files.newOutputStream(file);
                    GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out, gzip);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                tar.setAddPaxHeadersForNonAsciiNames(true);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    String name = e.getKey();
                    byte[] bytes = e.getValue() == null ? new byte[0] : e.getValue();
                    boolean directory = name.endsWith("/");
                    // preserveAbsolutePath: write the name exactly as given, so tests can build hostile archives too.
                    TarArchiveEntry entry = new TarArchiveEntry(name, true);
                    entry.setMode(directory ? DIRECTORY_MODE : FILE_MODE);
                    entry.setModTime(EPOCH.toEpochMilli());
                    entry.setIds(0, 0);
                    entry.setNames("", "");
                    if (!directory) {
                        entry.setSize(bytes.length);
                    }
                    tar.putArchiveEntry(entry);
                    if (!directory) {
                        tar.write(bytes);
                    }
                    tar.closeArchiveEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
