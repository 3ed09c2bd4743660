package io.github.yogs0ddhoth.pypi.distribution;

/**
 * Deterministic test input that is easy to reproduce outside Java.
 *
 * <p>Byte i is the top byte of the (i+1)-th state of a 64-bit linear congruential generator
 * (Knuth's MMIX constants). Unlike a formula such as {@code (i * 31 + 7) & 0xff}, this does not
 * repeat every 256 bytes, so a hash that dropped, duplicated or reordered whole blocks could not
 * pass by accident. The same bytes in Python:
 *
 * <pre>
 * def data(n, seed=0x9E3779B97F4A7C15):
 *     x = seed; out = bytearray(n)
 *     for i in range(n):
 *         x = (x * 6364136223846793005 + 1442695040888963407) &amp; (2**64 - 1)
 *         out[i] = x &gt;&gt; 56
 *     return bytes(out)
 * </pre>
 */
final class TestBytes {

    static final long DEFAULT_SEED = 0x9E3779B97F4A7C15L;

    private TestBytes() {}

    static byte[] lcg(int n) {
        return lcg(n, DEFAULT_SEED);
    }

    static byte[] lcg(int n, long seed) {
        byte[] out = new byte[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            out[i] = (byte) (x >>> 56);
        }
        return out;
    }
}
