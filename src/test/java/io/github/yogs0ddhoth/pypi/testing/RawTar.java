package io.github.yogs0ddhoth.pypi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes gzip-compressed ustar archives header by header, so a test can store what a build backend never writes and
 * the plugin's own tar library should not be trusted to write for it: hard links, symbolic links, FIFOs and devices,
 * with any name and link target.
 *
 * <p>Each member is one 512-byte POSIX ustar header (name up to 100 bytes, the checksum computed as the format says)
 * followed by its data padded to 512 bytes; the archive ends with two zero blocks. Python's tarfile and GNU tar read
 * the result.
 */
public final class RawTar {

    private static final int BLOCK = 512;

    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** A directory member; the name gets a trailing slash if it has none. */
    public RawTar directory(String name) {
        return member(name.endsWith("/") ? name : name + "/", '5', "", new byte[0], 0755);
    }

    /** A regular file member. */
    public RawTar file(String name, byte[] data) {
        return member(name, '0', "", data, 0644);
    }

    /** A regular file member with UTF-8 text. */
    public RawTar file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A hard link: {@code target} is another member's name, relative to the archive root. */
    public RawTar hardLink(String name, String target) {
        return member(name, '1', target, new byte[0], 0644);
    }

    /** A symbolic link: {@code target} is resolved from the link's own directory. */
    public RawTar symbolicLink(String name, String target) {
        return member(name, '2', target, new byte[0], 0777);
    }

    /**
     * An empty regular file or a symbolic link whose name (and target) may be longer than a header holds: each long
     * value goes first in a GNU long-name ('L') or long-link ('K') member, as GNU tar writes it.
     */
    public RawTar longNamed(String name, String symbolicLinkTarget) {
        gnuLong('L', name);
        if (symbolicLinkTarget == null) {
            return member(cut(name), '0', "", new byte[0], 0644);
        }
        gnuLong('K', symbolicLinkTarget);
        return member(cut(name), '2', cut(symbolicLinkTarget), new byte[0], 0777);
    }

    private void gnuLong(char type, String value) {
        byte[] bytes = (value + "\0").getBytes(StandardCharsets.UTF_8);
        member("././@LongLink", type, "", bytes, 0644);
    }

    private static String cut(String value) {
        return value.substring(0, Math.min(value.length(), 99));
    }

    /** A character device member (major 1, minor 3: /dev/null). */
    public RawTar characterDevice(String name) {
        return member(name, '3', "", new byte[0], 0666);
    }

    /** A FIFO (named pipe) member. */
    public RawTar fifo(String name) {
        return member(name, '6', "", new byte[0], 0644);
    }

    /** Writes the archive, gzip-compressed, to {@code dir/filename}. */
    public Path write(Path dir, String filename) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(filename);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(tar.toByteArray());
                out.write(new byte[2 * BLOCK]);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams a gzip tar of {@code pkgInfo} as {@code <top>/PKG-INFO} followed by {@code count} empty regular files
     * {@code <top>/f<i>}, to {@code dir/filename}: the member bomb a few megabytes of gzip make, never held in memory.
     */
    public static Path manyEmptyFiles(Path dir, String filename, String top, String pkgInfo, int count) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(filename);
            try (OutputStream out = new java.io.BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file),
                    1 << 16) {
                {
                    def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                }
            }, 1 << 16)) {
                RawTar first = new RawTar().file(top + "/PKG-INFO", pkgInfo);
                out.write(first.tar.toByteArray());
                for (int i = 0; i < count; i++) {
                    out.write(header(top + "/f" + i, '0', "", 0, 0644));
                }
                out.write(new byte[2 * BLOCK]);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a gzip tar of {@code pkgInfo} as {@code <top>/PKG-INFO} and one member {@code <top>/zeros} of
     * {@code mebibytes} MiB of zero bytes, to {@code dir/filename}: a well-formed sdist, as Python's tarfile reads it,
     * that inflates to about a thousand times its size. The zeros are one small gzip member repeated, one per MiB.
     */
    public static Path zeroBomb(Path dir, String filename, String top, String pkgInfo, int mebibytes) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(filename);
            RawTar first = new RawTar().file(top + "/PKG-INFO", pkgInfo);
            first.tar.writeBytes(header(top + "/zeros", '0', "", (long) mebibytes << 20, 0644));
            byte[] mebibyteOfZeros = gzip(new byte[1 << 20]);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                out.write(gzip(first.tar.toByteArray()));
                for (int i = 0; i < mebibytes; i++) {
                    out.write(mebibyteOfZeros);
                }
                out.write(gzip(new byte[2 * BLOCK]));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a gzip tar of {@code pkgInfo} as {@code <top>/PKG-INFO} and {@code count} empty files, each named by a
     * GNU long name header of {@code nameLength} characters under {@code <top>/}, to {@code dir/filename}. The names
     * are alike, so gzip stores each in about a thousandth of its length.
     */
    public static Path longNames(Path dir, String filename, String top, String pkgInfo, int count, int nameLength) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(filename);
            byte[] name = (top + "/" + "n".repeat(nameLength - top.length() - 1)).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            member.writeBytes(header("././@LongLink", 'L', "", name.length, 0644));
            member.writeBytes(name);
            member.writeBytes(new byte[(BLOCK - name.length % BLOCK) % BLOCK]);
            member.writeBytes(header(top + "/short", '0', "", 0, 0644));
            byte[] gzipped = gzip(member.toByteArray());
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                out.write(gzip(new RawTar().file(top + "/PKG-INFO", pkgInfo).tar.toByteArray()));
                for (int i = 0; i < count; i++) {
                    out.write(gzipped);
                }
                out.write(gzip(new byte[2 * BLOCK]));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private RawTar member(String name, char type, String linkName, byte[] data, int mode) {
        tar.writeBytes(header(name, type, linkName, data.length, mode));
        tar.writeBytes(data);
        int pad = (BLOCK - data.length % BLOCK) % BLOCK;
        tar.writeBytes(new byte[pad]);
        return this;
    }

    private static byte[] header(String name, char type, String linkName, long size, int mode) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 1000);
        octal(header, 116, 8, 1000);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 315_619_200L);
        header[156] = (byte) type;
        put(header, 157, 100, linkName.getBytes(StandardCharsets.UTF_8));
        put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(header, 265, 32, "build".getBytes(StandardCharsets.US_ASCII));
        put(header, 297, 32, "build".getBytes(StandardCharsets.US_ASCII));
        if (type == '3' || type == '4') {
            octal(header, 329, 8, 1);
            octal(header, 337, 8, 3);
        }
        // The checksum is the sum of the header's bytes with its own field read as eight spaces.
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, 8, String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII));
        return header;
    }

    private static void put(byte[] header, int offset, int length, byte[] value) {
        if (value.length > length) {
            throw new IllegalArgumentException("value of " + value.length + " bytes for a " + length + "-byte field");
        }
        System.arraycopy(value, 0, header, offset, value.length);
    }

    // Octal digits, zero-padded, then a NUL: the ustar numeric field format.
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        put(header, offset, length, (digits + "\0").getBytes(StandardCharsets.US_ASCII));
    }
}
