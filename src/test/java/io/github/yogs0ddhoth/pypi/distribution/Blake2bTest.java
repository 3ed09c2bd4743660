package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected values come from RFC 7693 Appendix A and from CPython 3.11's {@code hashlib}, e.g.
 * {@code hashlib.blake2b(data(n), digest_size=32).hexdigest()} with {@code data} as documented
 * in {@link TestBytes}. None is computed by the code under test.
 */
class Blake2bTest {

    private static final HexFormat HEX = HexFormat.of();

    /** n, BLAKE2b-256 of data(n), BLAKE2b-512 of data(n). */
    static Stream<Arguments> lengths() {
        return Stream.of(
                Arguments.of(0,
                        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
                        "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                                + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"),
                Arguments.of(1,
                        "6f28f659a891396b72ea09899abb961e87a647328e3aa55254f2ab04e5e3abd2",
                        "6443a5adaf64e974d67b5053749d9c45274c0e584c111df38ffc4781c3491a54"
                                + "2c2ad595f480f1e4bb974d8898cf20de0d68c972a84907d8420103c6a9468845"),
                Arguments.of(127,
                        "830c61a3f1d6b1997f977549d8647aefa143704689076e00aa5881b453475c66",
                        "b7e9c6c38f7080085e18e87a673cfe887d95e2d4c864e8124c51e58c56ae0fc8"
                                + "0e73afb31e38f6d945abcbbcd958202555ad9b132de30376824bebadea03699c"),
                Arguments.of(128,
                        "d5c686627b4267eff1ad79ab50b04db7b658176d0e4d791c3e7e9670751d8e67",
                        "db4ba73fa6379e7c38e87d964667886cf80c00489e368708da9c8206d7063c4b"
                                + "879db5a54735ba9377f1fff00404bd8672be223055b21983d236aad14bd4317e"),
                Arguments.of(129,
                        "1a96a8b37733e3e25d75328733902e0e910e61213a1da9a55ccf7ea77c8ee35f",
                        "a6c08e149d00c16118b2d8d4a68f1ac890991282884b1e1334558e4541e8ca87"
                                + "1bd91a3321f70542b76c3af9c09f3d1f2e7ed45bd29063c1fc11816bd2e59b24"),
                Arguments.of(255,
                        "e177de08ce8767ae5bf8e8c40f073ffb986e9e86e5f575803fa8960b92fe75d4",
                        "6ef74d4999f768e0dd58d84577317731b7848e440d410048c8dcdd68ab0dc914"
                                + "c47d432a2fb518fdbca3c294e1d55d6190745d30da4b65e658959fec5f7ffddd"),
                Arguments.of(256,
                        "94aea0b30d7e21f0728ffed465a95e8efe8f1b8e3c68e4a82a4dbca9caca937d",
                        "e8448652f795354d4f22062c1fc477ed00fe6c8aad5b639a11912a22573f5bed"
                                + "d5e690db0fc1016ccd52475c945dd442a8aef9556df9a28cc6c7aa46009d5bb6"),
                Arguments.of(257,
                        "c85c90d1e762f093e394dcc1e877ae0efbed3a3709a0184b317e0ad6174e2b89",
                        "b7b68c7701ecb9ddc5526636f1b58adf7fe3c7a97f38b7fcbffdf11ea395f049"
                                + "dc04a9323264536f0774c80b08578590c792c8d573ab89f383e5f3c3e092609a"),
                Arguments.of(1000,
                        "3e1b1daf711e3825001f59dcb1bb56ca5efb45412888103bb63a815bebc79909",
                        "7c3c4b749016482b01e583125d2649f0c198505a7cc81f7a8658d3f4af84bbf8"
                                + "2a57531b0ed575ccebdbd18444b0de513f9055df650aaf446d51c9f93fefa58f"),
                Arguments.of(4101,
                        "efaf5e634c62d8537943ea39f3762bda763e0e214892ec1b48a5fe76b60c6cbc",
                        "5761afcd15c0ca5832a49b3c58ba52d92d13e01e7c092be99040c8af4c8e98bf"
                                + "ae7ce7d6e468727a38e0cf7b336ef7f0bae955df2d0cc0cdf988ffaadb2e525c"));
    }

    /** 3 MiB + 17 bytes: many blocks, and a length that is not a multiple of any chunk size. */
    private static final int BIG_LENGTH = 3 * 1024 * 1024 + 17;

    private static final String BIG_256 =
            "3131de99e1d572885f18135512c079a1c11e83103cd08e0e8888e4df78d44dfb";
    private static final String BIG_512 =
            "cfab0966a2257fe41f079a059c0e3c4e70cb7c295a6591a11d501fd2018c1e4d"
                    + "f4a173e4ac7bc555ae53214d612d7bd7a975bd076e8ea6da98a927a83be8f79c";

    private static byte[] bigInput;

    private static synchronized byte[] big() {
        if (bigInput == null) {
            bigInput = TestBytes.lcg(BIG_LENGTH);
        }
        return bigInput;
    }

    private static String oneShot(int digestLength, byte[] data) {
        Blake2b b = new Blake2b(digestLength);
        b.update(data, 0, data.length);
        return HEX.formatHex(b.digest());
    }

    private static String chunked(int digestLength, byte[] data, int chunk) {
        Blake2b b = new Blake2b(digestLength);
        for (int off = 0; off < data.length; off += chunk) {
            b.update(data, off, Math.min(chunk, data.length - off));
        }
        return HEX.formatHex(b.digest());
    }

    @Test
    void rfc7693AppendixA_blake2b512OfAbc() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(oneShot(64, abc))
                .isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void emptyInput() {
        assertThat(HEX.formatHex(new Blake2b(32).digest()))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(HEX.formatHex(new Blake2b(64).digest()))
                .isEqualTo("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                        + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
    }

    @Test
    void zeroLengthUpdatesChangeNothing() {
        Blake2b b = new Blake2b(32);
        b.update(new byte[0], 0, 0);
        b.update(new byte[10], 10, 0);
        assertThat(HEX.formatHex(b.digest()))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void blockBoundaryLengthsMatchHashlib(int n, String expected256, String expected512) {
        byte[] data = TestBytes.lcg(n);
        assertThat(oneShot(32, data)).isEqualTo(expected256);
        assertThat(oneShot(64, data)).isEqualTo(expected512);
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void blockBoundaryLengthsFedByteByByteAndInUnevenPieces(
            int n, String expected256, String expected512) {
        byte[] data = TestBytes.lcg(n);
        assertThat(chunked(32, data, 1)).isEqualTo(expected256);
        assertThat(chunked(64, data, 1)).isEqualTo(expected512);
        // Piece sizes that walk the buffer through every fill level and across block edges.
        Blake2b b = new Blake2b(32);
        int[] pieces = {3, 125, 128, 1, 127, 129, 256, 255, 2};
        int off = 0;
        for (int i = 0; off < n; i++) {
            int len = Math.min(pieces[i % pieces.length], n - off);
            b.update(data, off, len);
            off += len;
        }
        assertThat(HEX.formatHex(b.digest())).isEqualTo(expected256);
    }

    @Test
    void severalMegabytesOneShotMatchesHashlib() {
        assertThat(oneShot(32, big())).isEqualTo(BIG_256);
        assertThat(oneShot(64, big())).isEqualTo(BIG_512);
    }

    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(ints = {1, 7, 127, 128, 129, 1000, 65536})
    void severalMegabytesInChunksMatchesOneShotAndHashlib(int chunk) {
        String oneShot256 = oneShot(32, big());
        String chunked256 = chunked(32, big(), chunk);
        assertThat(chunked256).isEqualTo(oneShot256).isEqualTo(BIG_256);
        assertThat(chunked(64, big(), chunk)).isEqualTo(BIG_512);
    }

    @ParameterizedTest(name = "digest_size={0}")
    @MethodSource("otherDigestLengths")
    void digestLengthIsPartOfTheParameterBlock(int digestLength, String expected) {
        // hashlib.blake2b(data(200), digest_size=n): not a prefix of the 64-byte digest.
        String actual = oneShot(digestLength, TestBytes.lcg(200));
        assertThat(actual).hasSize(2 * digestLength).isEqualTo(expected);
    }

    static Stream<Arguments> otherDigestLengths() {
        return Stream.of(
                Arguments.of(1, "de"),
                Arguments.of(16, "27e67c4e7cce103e2dc2cc6c91de5b00"),
                Arguments.of(20, "69f4f6e2b97692e81d92425262d979d40996c0bd"),
                Arguments.of(33,
                        "2e3ada7f127dbe9c7a877cb65c9b382ecb3bdd6de157ba88b1bd6f4c4415503ef3"),
                Arguments.of(48,
                        "5066bf08ededfbec8f4e0a3160ea41e70920db9e5d2f1e7e67454665"
                                + "61f77cf4970b43cd23fcb266bddda994829f8b0b"),
                Arguments.of(63,
                        "2d0b79236991a9d1f3804b761c5e2257e2e75dd61937eb27e96330ef6b7e311e"
                                + "252bf43a63f6988b787c1cd8ead45d41fe7e78094d242a7561ea767851fc7f"));
    }

    @Test
    void blake2b256IsNotATruncatedBlake2b512() {
        byte[] data = TestBytes.lcg(257);
        assertThat(oneShot(32, data)).isNotEqualTo(oneShot(64, data).substring(0, 64));
    }

    @Test
    void honoursOffsetIntoALargerArray() {
        byte[] data = TestBytes.lcg(257);
        byte[] padded = new byte[data.length + 11];
        java.util.Arrays.fill(padded, (byte) 0x5a);
        System.arraycopy(data, 0, padded, 5, data.length);
        Blake2b b = new Blake2b(32);
        b.update(padded, 5, data.length);
        assertThat(HEX.formatHex(b.digest()))
                .isEqualTo("c85c90d1e762f093e394dcc1e877ae0efbed3a3709a0184b317e0ad6174e2b89");
    }

    @Test
    void digestResetsTheInstanceForReuse() {
        Blake2b b = new Blake2b(32);
        byte[] data = TestBytes.lcg(129);
        b.update(data, 0, data.length);
        assertThat(HEX.formatHex(b.digest()))
                .isEqualTo("1a96a8b37733e3e25d75328733902e0e910e61213a1da9a55ccf7ea77c8ee35f");
        // Same instance, next message: must not carry over counter, buffer or chaining value.
        byte[] one = TestBytes.lcg(1);
        b.update(one, 0, 1);
        assertThat(HEX.formatHex(b.digest()))
                .isEqualTo("6f28f659a891396b72ea09899abb961e87a647328e3aa55254f2ab04e5e3abd2");
        assertThat(HEX.formatHex(b.digest()))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    }

    @Test
    void explicitResetDiscardsPendingInput() {
        Blake2b b = new Blake2b(64);
        byte[] junk = TestBytes.lcg(300, 7);
        b.update(junk, 0, junk.length);
        b.reset();
        b.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(b.digest())).startsWith("ba80a53f981c4d0d6a2797b69f12f6e9");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65, 128})
    void rejectsUnsupportedDigestLengths(int digestLength) {
        assertThatThrownBy(() -> new Blake2b(digestLength))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(digestLength));
    }

    @Test
    void rejectsOutOfBoundsSlices() {
        Blake2b b = new Blake2b(32);
        assertThatThrownBy(() -> b.update(new byte[10], 5, 6))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.update(new byte[10], -1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
        // A rejected call must leave the state untouched.
        assertThat(HEX.formatHex(b.digest()))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    }

    /**
     * Every length 0..1000 (and a few of several MiB) against {@link ReferenceBlake2b}, one shot
     * and in random piece sizes, so a slip in one of the unrolled rounds or in the block
     * buffering shows up at whatever length it affects, not only at the lengths listed above.
     */
    @Test
    void randomLengthsAndPiecesMatchAStraightforwardReference() {
        SplittableRandom random = new SplittableRandom(7693);
        byte[] data = new byte[1000];
        random.nextBytes(data);
        for (int n = 0; n <= 1000; n++) {
            byte[] message = Arrays.copyOf(data, n);
            int digestLength = 1 + random.nextInt(Blake2b.MAX_DIGEST_BYTES);
            String expected = HEX.formatHex(ReferenceBlake2b.hash(digestLength, message));
            assertThat(oneShot(digestLength, message)).as("%d bytes, one shot", n).isEqualTo(expected);
            assertThat(randomPieces(digestLength, message, random, 300))
                    .as("%d bytes, random pieces", n)
                    .isEqualTo(expected);
        }
        for (int n : new int[] {2 * 1024 * 1024, 5 * 1024 * 1024 + 3}) {
            byte[] message = new byte[n];
            random.nextBytes(message);
            String expected = HEX.formatHex(ReferenceBlake2b.hash(32, message));
            assertThat(oneShot(32, message)).as("%d bytes, one shot", n).isEqualTo(expected);
            assertThat(randomPieces(32, message, random, 70_000)).as("%d bytes, random pieces", n).isEqualTo(expected);
        }
    }

    private static String randomPieces(int digestLength, byte[] data, SplittableRandom random, int maxPiece) {
        Blake2b b = new Blake2b(digestLength);
        int off = 0;
        while (off < data.length) {
            int len = Math.min(random.nextInt(maxPiece + 1), data.length - off);
            b.update(data, off, len);
            off += len;
        }
        return HEX.formatHex(b.digest());
    }

    /**
     * RFC 7693 section 3 written out as plainly as possible (loops, arrays, the sigma table), used
     * only as the oracle for {@link Blake2b}'s unrolled rounds.
     */
    private static final class ReferenceBlake2b {
        private static final long[] IV = {
            0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
            0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
        };
        private static final int[][] SIGMA = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
            {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
            {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
            {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
            {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
            {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
            {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
            {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
            {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
            {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
        };

        static byte[] hash(int outLength, byte[] message) {
            long[] h = IV.clone();
            h[0] ^= 0x01010000L | outLength;
            int blocks = Math.max(1, (message.length + 127) / 128);
            for (int i = 0; i < blocks; i++) {
                byte[] block = Arrays.copyOfRange(message, i * 128, i * 128 + 128); // zero-padded
                boolean last = i == blocks - 1;
                compress(h, block, last ? message.length : (i + 1) * 128L, last);
            }
            byte[] out = new byte[outLength];
            for (int i = 0; i < outLength; i++) {
                out[i] = (byte) (h[i / 8] >>> (8 * (i % 8)));
            }
            return out;
        }

        private static void compress(long[] h, byte[] block, long t, boolean last) {
            long[] m = new long[16];
            for (int i = 0; i < 128; i++) {
                m[i / 8] |= (block[i] & 0xffL) << (8 * (i % 8));
            }
            long[] v = new long[16];
            System.arraycopy(h, 0, v, 0, 8);
            System.arraycopy(IV, 0, v, 8, 8);
            v[12] ^= t; // the high word of t is 0 for any message a test can hold
            if (last) {
                v[14] = ~v[14];
            }
            for (int r = 0; r < 12; r++) {
                int[] s = SIGMA[r % 10];
                g(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                g(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                g(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                g(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                g(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                g(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                g(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                g(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
            }
            for (int i = 0; i < 8; i++) {
                h[i] ^= v[i] ^ v[i + 8];
            }
        }

        private static void g(long[] v, int a, int b, int c, int d, long x, long y) {
            v[a] = v[a] + v[b] + x;
            v[d] = Long.rotateRight(v[d] ^ v[a], 32);
            v[c] = v[c] + v[d];
            v[b] = Long.rotateRight(v[b] ^ v[c], 24);
            v[a] = v[a] + v[b] + y;
            v[d] = Long.rotateRight(v[d] ^ v[a], 16);
            v[c] = v[c] + v[d];
            v[b] = Long.rotateRight(v[b] ^ v[c], 63);
        }
    }
}
