package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * File contents are {@code TestBytes.lcg(n, 42)}; expected digests were computed with CPython
 * 3.11 as {@code hashlib.sha256(data(n, seed=42)).hexdigest()} and
 * {@code hashlib.blake2b(data(n, seed=42), digest_size=32).hexdigest()}.
 */
class FileDigesterTest {

    private static final long SEED = 42;

    @TempDir
    Path dir;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of(0,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"),
                Arguments.of(1,
                        "7da59d0dfbe21f43e842e8afb43e12a6445bbac07c2fc26984c71d0de3f99c9c",
                        "9df4ab5e450c684607d0ea95eb16d175ed8517c8a58bbe00f11e0529094b7777"),
                // Three bytes more than 1 MiB: more than one default read buffer holds.
                Arguments.of(1024 * 1024 + 3,
                        "7cb8b83d7caf9b770148f0f154cd8bd155a78d899e0ec4e43b59f9200d0bb8cb",
                        "55a5eb11c3133f52a18c18549c48dc0ae1c09972b2fca79eb1b72cf43916e127"),
                Arguments.of(5 * 1024 * 1024 + 77,
                        "6c1c63c9dc7957b5c18f96dbea05c0be7455aa2bbbf06c2633cb6eeb57dfd79b",
                        "379420c19f60390fcfc71eb68ea6cb10b1b29ecb4d2a6534012abb1891d85e43"));
    }

    private Path write(int n) throws IOException {
        Path file = dir.resolve("file-" + n + ".bin");
        Files.write(file, TestBytes.lcg(n, SEED));
        return file;
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("files")
    void digestsMatchHashlib(int n, String sha256, String blake2b256) throws IOException {
        FileDigests d = new FileDigester().digest(write(n));
        assertThat(d).isEqualTo(new FileDigests(n, sha256, blake2b256));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("files")
    void resultDoesNotDependOnTheReadBufferSize(int n, String sha256, String blake2b256)
            throws IOException {
        Path file = write(n);
        // 1 and 129 force many updates that straddle BLAKE2b block edges; 4096 is page-sized.
        for (int bufferBytes : new int[] {1, 129, 4096}) {
            if (bufferBytes == 1 && n > 2 * 1024 * 1024) {
                continue; // correct but needlessly slow at one read per byte
            }
            assertThat(new FileDigester(bufferBytes).digest(file))
                    .as("buffer of %d bytes", bufferBytes)
                    .isEqualTo(new FileDigests(n, sha256, blake2b256));
        }
    }

    @Test
    void oneInstanceDigestsSeveralFilesIndependently() throws IOException {
        FileDigester digester = new FileDigester();
        Path big = write(1024 * 1024 + 3);
        Path one = write(1);
        Path empty = write(0);
        assertThat(digester.digest(big).sha256Hex())
                .isEqualTo("7cb8b83d7caf9b770148f0f154cd8bd155a78d899e0ec4e43b59f9200d0bb8cb");
        assertThat(digester.digest(one)).isEqualTo(new FileDigests(1,
                "7da59d0dfbe21f43e842e8afb43e12a6445bbac07c2fc26984c71d0de3f99c9c",
                "9df4ab5e450c684607d0ea95eb16d175ed8517c8a58bbe00f11e0529094b7777"));
        assertThat(digester.digest(empty)).isEqualTo(new FileDigests(0,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"));
    }

    @Test
    void missingFileIsAnIOException() {
        Path missing = dir.resolve("no-such.whl");
        assertThatThrownBy(() -> new FileDigester().digest(missing))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void hexIsLowercaseAndZeroPadded() {
        assertThat(FileDigester.hex(new byte[] {0x00, 0x0f, (byte) 0xab, (byte) 0xff}))
                .isEqualTo("000fabff");
    }

    @Test
    void aDefaultBufferWithItsArrayHeaderFitsOneMebibyteHeapRegion() {
        // G1's default region under a small heap is 1 MiB; an array header is at most 24 bytes (no compressed
        // class pointers), so 1 MiB minus 64 still leaves the array in one region, and a buffer of 1 MiB minus a
        // few KiB keeps reads as large as before.
        assertThat(FileDigester.DEFAULT_BUFFER_BYTES + 64).isLessThanOrEqualTo(1 << 20);
        assertThat(FileDigester.DEFAULT_BUFFER_BYTES).isGreaterThan((1 << 20) - 4096);
    }

    @Test
    void rejectsNonPositiveBufferSize() {
        assertThatThrownBy(() -> new FileDigester(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long digestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pypi-digest-") && t.isAlive()).count();
    }

    @Test
    void twoThreadsAndOneGiveTheSameDigestsAroundTheThreshold() throws IOException {
        int threshold = (int) FileDigester.PARALLEL_MIN_BYTES;
        int ring = FileDigester.RING_BUFFERS * FileDigester.DEFAULT_BUFFER_BYTES;
        for (int n : new int[] {threshold - 1, threshold, threshold + 1, ring, ring + 1, 3 * ring - 5}) {
            Path file = write(n);
            FileDigests single = new FileDigester(FileDigester.DEFAULT_BUFFER_BYTES, false).digest(file);
            FileDigests parallel = new FileDigester().digest(file);
            assertThat(parallel).as("%d bytes", n).isEqualTo(single);
            assertThat(parallel.size()).isEqualTo(n);
        }
    }

    @Test
    void oneInstanceHashesSeveralLargeFilesOnItsRing() throws IOException {
        FileDigester digester = new FileDigester(4096);
        Path five = write(5 * 1024 * 1024 + 77);
        Path three = write(3 * 1024 * 1024);
        FileDigests expectedThree = new FileDigester(4096, false).digest(three);

        assertThat(digester.digest(five).blake2b256Hex())
                .isEqualTo("379420c19f60390fcfc71eb68ea6cb10b1b29ecb4d2a6534012abb1891d85e43");
        assertThat(digester.digest(three)).isEqualTo(expectedThree);
        assertThat(digester.digest(five).sha256Hex())
                .isEqualTo("6c1c63c9dc7957b5c18f96dbea05c0be7455aa2bbbf06c2633cb6eeb57dfd79b");
        assertThat(digestThreads()).as("no hashing thread outlives its call").isZero();
    }

    @Test
    void anInterruptedDigestStopsItsThreadsAndLeavesTheInstanceUsable() throws IOException {
        Path file = write(5 * 1024 * 1024 + 77);
        FileDigester digester = new FileDigester();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> digester.digest(file)).isInstanceOf(IOException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(digestThreads()).isZero();
        assertThat(digester.digest(file)).isEqualTo(new FileDigests(5 * 1024 * 1024 + 77,
                "6c1c63c9dc7957b5c18f96dbea05c0be7455aa2bbbf06c2633cb6eeb57dfd79b",
                "379420c19f60390fcfc71eb68ea6cb10b1b29ecb4d2a6534012abb1891d85e43"));
    }

    @ParameterizedTest
    @MethodSource("files")
    void theSinkGetsEveryByteInOrderAndTheDigestsAreOfThoseBytes(int n, String sha256, String blake2b256)
            throws IOException {
        Path file = write(n);
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        java.util.List<Thread> threads = new java.util.ArrayList<>();

        FileDigests digests = new FileDigester().digest(file, (bytes, length) -> {
            sent.write(bytes, 0, length);
            threads.add(Thread.currentThread());
        });

        assertThat(digests).isEqualTo(new FileDigests(n, sha256, blake2b256));
        assertThat(sent.toByteArray()).isEqualTo(Files.readAllBytes(file));
        assertThat(threads).as("the sink runs on the calling thread").allMatch(t -> t == Thread.currentThread());
    }

    @Test
    void aSinkThatFailsStopsTheReadWithItsOwnExceptionAndNoThreadLeft() throws IOException {
        Path file = write(5 * 1024 * 1024 + 77);
        FileDigester digester = new FileDigester();
        IOException broken = new IOException("connection reset");
        long[] seen = {0};

        assertThatThrownBy(() -> digester.digest(file, (bytes, length) -> {
            seen[0] += length;
            if (seen[0] > 2 * 1024 * 1024) {
                throw broken;
            }
        })).isSameAs(broken);

        assertThat(digestThreads()).isZero();
        assertThat(digester.digest(file).sha256Hex())
                .isEqualTo("6c1c63c9dc7957b5c18f96dbea05c0be7455aa2bbbf06c2633cb6eeb57dfd79b");
    }
}
