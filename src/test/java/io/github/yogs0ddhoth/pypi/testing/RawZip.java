package io.github.yogs0ddhoth.pypi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives byte by byte, so a test can build exactly the framing PyPI refuses (a data descriptor, an entry
 * comment, a duplicate name, an unusual compression method, bytes after the end) that {@code java.util.zip} either
 * cannot write or writes only by accident.
 *
 * <p>Entries are written in order: local header, data, optional data descriptor; then the central directory and the
 * end record. Without any of the options, the result is a plain, valid archive.
 */
public final class RawZip {

    private record Entry(String name, byte[] data, int method, boolean dataDescriptor, String comment,
            boolean inCentralDirectory, long claimedSize) {

        Entry(String name, byte[] data, int method, boolean dataDescriptor, String comment,
                boolean inCentralDirectory) {
            this(name, data, method, dataDescriptor, comment, inCentralDirectory, -1);
        }

        long size() {
            return claimedSize >= 0 ? claimedSize : data.length;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] trailing = new byte[0];

    /** A STORED entry. */
    public RawZip stored(String name, byte[] data) {
        entries.add(new Entry(name, data, 0, false, "", true));
        return this;
    }

    /** A STORED entry with UTF-8 text. */
    public RawZip stored(String name, String text) {
        return stored(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A DEFLATED entry. */
    public RawZip deflated(String name, byte[] data) {
        entries.add(new Entry(name, data, 8, false, "", true));
        return this;
    }

    /** A DEFLATED entry whose sizes and CRC follow the data (flag bit 3), as ZipOutputStream writes by default. */
    public RawZip withDataDescriptor(String name, byte[] data) {
        entries.add(new Entry(name, data, 8, true, "", true));
        return this;
    }

    /** A STORED entry with a comment in its central directory record. */
    public RawZip withComment(String name, byte[] data, String comment) {
        entries.add(new Entry(name, data, 0, false, comment, true));
        return this;
    }

    /** An entry that claims compression {@code method} (its data is stored as is: only the header matters). */
    public RawZip withMethod(String name, byte[] data, int method) {
        entries.add(new Entry(name, data, method, false, "", true));
        return this;
    }

    /**
     * A DEFLATED entry whose headers claim {@code claimedSize} uncompressed bytes: a cheap stand-in for a huge entry,
     * for checks that read only the headers.
     */
    public RawZip claimingSize(String name, byte[] data, long claimedSize) {
        entries.add(new Entry(name, data, 8, false, "", true, claimedSize));
        return this;
    }

    /** A local entry missing from the central directory. */
    public RawZip localOnly(String name, byte[] data) {
        entries.add(new Entry(name, data, 0, false, "", false));
        return this;
    }

    /** Bytes after the end-of-central-directory record. */
    public RawZip trailing(byte[] bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = 0;
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] payload = e.method() == 8 ? deflate(e.data()) : e.data();
            CRC32 crc = new CRC32();
            crc.update(e.data());
            int flags = 0x800 | (e.dataDescriptor() ? 0x08 : 0);
            long offset = out.size();
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) flags).putShort((short) e.method())
                    .putShort((short) 0).putShort((short) 0x21)
                    .putInt(e.dataDescriptor() ? 0 : (int) crc.getValue())
                    .putInt(e.dataDescriptor() ? 0 : payload.length)
                    .putInt(e.dataDescriptor() ? 0 : (int) e.size())
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(payload);
            if (e.dataDescriptor()) {
                ByteBuffer dd = le(16);
                dd.putInt(0x08074b50).putInt((int) crc.getValue()).putInt(payload.length).putInt(e.data().length);
                out.writeBytes(dd.array());
            }
            if (!e.inCentralDirectory()) {
                continue;
            }
            byte[] comment = e.comment().getBytes(StandardCharsets.UTF_8);
            ByteBuffer cd = le(46 + name.length + comment.length);
            cd.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) flags)
                    .putShort((short) e.method()).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(payload.length).putInt((int) e.size())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) comment.length)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(name).put(comment);
            central.writeBytes(cd.array());
            count++;
        }
        long cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt(central.size()).putInt((int) cdOffset).putShort((short) 0);
        out.writeBytes(end.array());
        out.writeBytes(trailing);
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
