package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class TarGzTest {

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] file) throws IOException {
        try (InputStream in = TarGz.of(new ByteArrayInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static String gunzipText(byte[] file) throws IOException {
        return new String(gunzip(file), StandardCharsets.UTF_8);
    }

    @Test
    void theDecompressionCapCountsEveryMemberNotEachAlone() throws IOException {
        byte[] kibibyte = gzip(new byte[1024]);
        byte[] file = concat(kibibyte, kibibyte, kibibyte);
        DecompressionCap cap = new DecompressionCap(2048, file.length);

        try (InputStream in = TarGz.of(new ByteArrayInputStream(file), cap)) {
            assertThat(in.readNBytes(2048)).hasSize(2048);
            assertThatThrownBy(in::read).isInstanceOf(DecompressionCap.Exceeded.class)
                    .hasMessageStartingWith("it decompresses to more than 2048 bytes, 50 times its size of "
                            + file.length + " bytes, and reading stopped there.");
        }
        try (InputStream in = TarGz.of(new ByteArrayInputStream(file), new DecompressionCap(3072, file.length))) {
            assertThat(in.readAllBytes()).hasSize(3072);
        }
    }

    @Test
    void theCapIsFiftyTimesTheFileSizeButNeverUnderSixtyFourMebibytes() {
        assertThat(DecompressionCap.forFile(1000).maxBytes()).isEqualTo(64L << 20);
        assertThat(DecompressionCap.forFile(100L << 20).maxBytes()).isEqualTo(5000L << 20);
        assertThat(DecompressionCap.forFile(Long.MAX_VALUE / 10).maxBytes()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void readsOneMember() throws IOException {
        assertThat(gunzipText(gzip("hello"))).isEqualTo("hello");
    }

    @Test
    void readsEveryMemberOfAConcatenatedFileAsPythonsGzipDoes() throws IOException {
        assertThat(gunzipText(concat(gzip("one "), gzip(""), gzip("two "), gzip("three")))).isEqualTo("one two three");
    }

    @Test
    void readsMoreThanOneBufferOfIncompressibleData() throws IOException {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        byte[] file = concat(gzip(data), gzip(data));

        // One byte at a time at the member boundary too: the trailer and the next header come from the same buffer.
        byte[] read = gunzip(file);
        try (InputStream in = TarGz.of(new ByteArrayInputStream(file))) {
            for (int i = 0; i < 2 * data.length; i++) {
                assertThat(in.read()).isEqualTo(data[i % data.length] & 0xff);
            }
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(read).isEqualTo(concat(data, data));
    }

    @Test
    void zeroBytesAfterTheLastMemberArePaddingAsPythonsGzipTakesThem() throws IOException {
        assertThat(gunzipText(concat(gzip("a"), new byte[10], gzip("b"), new byte[3]))).isEqualTo("ab");
    }

    @Test
    void garbageAfterAMemberIsAnErrorNotASilentEnd() throws IOException {
        byte[] file = concat(gzip("a"), "junk".getBytes(StandardCharsets.US_ASCII));
        int garbageAt = file.length - 4;

        assertThatThrownBy(() -> gunzip(file)).isInstanceOf(ZipException.class)
                .hasMessage("garbage after gzip member 1 at byte " + garbageAt + ": 0x6a 0x75 where the file should"
                        + " end or another member start with 0x1f 0x8b");
    }

    @Test
    void aSingleStrayByteAfterAMemberIsGarbageToo() throws IOException {
        assertThatThrownBy(() -> gunzip(concat(gzip("a"), new byte[] {0x1f}))).isInstanceOf(ZipException.class)
                .hasMessageContaining("0x1f and then ends");
    }

    @Test
    void aTruncatedStreamIsAnEndOfFileError() throws IOException {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        byte[] file = gzip(data);

        for (int cut : new int[] {2, 5, 11, file.length / 2, file.length - 8, file.length - 1}) {
            String part = cut < 10 ? "the header" : cut < file.length - 8 ? "the compressed data"
                    : "the trailer (CRC-32 and length)";
            assertThatThrownBy(() -> gunzip(Arrays.copyOf(file, cut))).as("cut at %d", cut)
                    .isExactlyInstanceOf(EOFException.class)
                    .hasMessage("the file ends inside " + part + " of gzip member 1, after " + cut + " bytes");
        }
        assertThatThrownBy(() -> gunzip(concat(file, Arrays.copyOf(file, 30)))).hasMessage("the file ends inside"
                + " the compressed data of gzip member 2, after " + (file.length + 30) + " bytes");
    }

    @Test
    void everyTruncationOfAMultiMemberFileIsAnEndOfFileError() throws IOException {
        byte[] file = concat(gzip("one"), gzip(""), gzip(TestBytes.lcg(3000)));
        for (int cut = 1; cut < file.length; cut++) {
            byte[] truncated = Arrays.copyOf(file, cut);
            try {
                gunzip(truncated);
                // Only a cut exactly between two members leaves a complete, shorter file.
                assertThat(cut).as("cut at %d read as complete", cut).isIn(gzip("one").length,
                        gzip("one").length + gzip("").length);
            } catch (EOFException e) {
                assertThat(e.getMessage()).startsWith("the file ends inside ");
            } catch (ZipException e) {
                // A cut inside a magic number that then ends: "0x1f and then ends".
                assertThat(e.getMessage()).as("cut at %d", cut).contains("and then ends");
            }
        }
    }

    @Test
    void thousandsOfEmptyMembersAreReadToTheEnd() throws IOException {
        byte[] empty = gzip("");
        byte[][] parts = new byte[10_000][];
        Arrays.fill(parts, empty);

        assertThat(gunzip(concat(concat(parts), gzip("end")))).isEqualTo("end".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBadCrcIsAnError() throws IOException {
        byte[] file = gzip("hello");
        file[file.length - 8] ^= 1;

        assertThatThrownBy(() -> gunzip(file)).isInstanceOf(ZipException.class)
                .hasMessageStartingWith("gzip member 1 fails its CRC-32 check: the trailer says 0x");
    }

    @Test
    void aBadLengthIsAnError() throws IOException {
        byte[] file = concat(gzip("a"), gzip("hello"));
        file[file.length - 4] = 9;

        assertThatThrownBy(() -> gunzip(file)).isInstanceOf(ZipException.class)
                .hasMessage("gzip member 2 has the wrong length: the trailer says 9 bytes (modulo 2^32), the data is"
                        + " 5");
    }

    @Test
    void corruptDeflateDataIsAnError() throws IOException {
        byte[] file = gzip("hello hello hello");
        file[10] = (byte) 0xff; // block type 3, which deflate reserves

        assertThatThrownBy(() -> gunzip(file)).isInstanceOf(ZipException.class)
                .hasMessageStartingWith("corrupt deflate data in gzip member 1 (DataFormatException: ");
    }

    @Test
    void aFileThatIsNotGzipIsNamedAsSuch() {
        assertThatThrownBy(() -> gunzip("plain text".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ZipException.class)
                .hasMessage("not in gzip format: it starts with 0x70 0x6c, a gzip file with 0x1f 0x8b");
        assertThatThrownBy(() -> gunzip(new byte[0])).isInstanceOf(ZipException.class)
                .hasMessage("not in gzip format: it starts with nothing (the file is empty), a gzip file with 0x1f"
                        + " 0x8b");
    }

    @Test
    void anotherCompressionMethodOrReservedFlagsAreErrors() throws IOException {
        byte[] method = gzip("a");
        method[2] = 7;
        byte[] flags = gzip("a");
        flags[3] = (byte) 0x20;

        assertThatThrownBy(() -> gunzip(method)).hasMessage("gzip member 1 uses compression method 7; gzip defines"
                + " only 8 (deflate)");
        assertThatThrownBy(() -> gunzip(flags)).hasMessage("gzip member 1 sets reserved header flags (0x20)");
    }

    @Test
    void optionalHeaderFieldsAreSkipped() throws IOException {
        byte[] plain = gzip("data");
        byte[] deflated = Arrays.copyOfRange(plain, 10, plain.length);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        // FHCRC, FEXTRA, FNAME and FCOMMENT all set
        file.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        file.writeBytes(new byte[] {3, 0, 'x', 'y', 'z'});
        file.writeBytes("name.tar\0".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes("a comment\0".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(new byte[] {0x12, 0x34});
        file.writeBytes(deflated);

        assertThat(gunzipText(file.toByteArray())).isEqualTo("data");
    }

    @Test
    void readsWhatAnyDeflateLevelWrites() throws IOException {
        byte[] data = "abc".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            gz.write(data);
        }

        assertThat(gunzip(out.toByteArray())).isEqualTo(data);
    }
}
