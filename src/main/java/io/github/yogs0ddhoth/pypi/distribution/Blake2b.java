package io.github.yogs0ddhoth.pypi.distribution;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * BLAKE2b as specified in RFC 7693, unkeyed, with a configurable digest length.
 *
 * <p>The digest length is written into the parameter block that initializes the state, so
 * BLAKE2b-256 is a different function from the first 32 bytes of BLAKE2b-512. With a length of
 * 32 this computes what PyPI's upload API calls {@code blake2_256_digest} and what Python's
 * {@code hashlib.blake2b(data, digest_size=32)} returns.
 *
 * <p>Usage follows {@link java.security.MessageDigest}: any number of {@code update} calls, then
 * {@link #digest()}, which returns the result and resets the instance to its initial state, so
 * one instance can hash any number of messages one after another. Instances are not thread-safe.
 */
public final class Blake2b {

    /** Bytes per compression block. */
    public static final int BLOCK_BYTES = 128;

    /** Largest digest length BLAKE2b supports, in bytes. */
    public static final int MAX_DIGEST_BYTES = 64;

    // A byte-array view lets the JIT read each message word with one unaligned 64-bit load
    // instead of eight byte loads, shifts and ors.
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // RFC 7693 section 2.6: the SHA-512 initial hash values.
    private static final long IV0 = 0x6a09e667f3bcc908L;
    private static final long IV1 = 0xbb67ae8584caa73bL;
    private static final long IV2 = 0x3c6ef372fe94f82bL;
    private static final long IV3 = 0xa54ff53a5f1d36f1L;
    private static final long IV4 = 0x510e527fade682d1L;
    private static final long IV5 = 0x9b05688c2b3e6c1fL;
    private static final long IV6 = 0x1f83d9abfb41bd6bL;
    private static final long IV7 = 0x5be0cd19137e2179L;

    // XORed into v[14] (RFC 7693 section 3.2). A mask rather than a boolean keeps a branch out
    // of compress(): the JIT would otherwise compile for the not-final path it sees all the
    // time, and deoptimize on the one final block per message.
    private static final long NOT_FINAL = 0L;
    private static final long FINAL = -1L;

    private final int digestLength;

    // Chaining value h[0..7]: fields, not an array, so the compression reads and writes them
    // without bounds checks.
    private long h0, h1, h2, h3, h4, h5, h6, h7;

    // The working vector v[0..15] while it passes between the round methods; see compress().
    private long w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15;

    // 128-bit count of message bytes hashed so far (t in RFC 7693), low and high words.
    private long counterLow;
    private long counterHigh;

    // Holds the most recent input block that has not been compressed yet. It is never
    // compressed while it is the last data seen: only the final block may be compressed with
    // the finalization flag, and until more input arrives (or digest() is called) we cannot
    // know whether this block is the final one.
    private final byte[] buffer = new byte[BLOCK_BYTES];
    private int bufferLength;

    /**
     * Creates an unkeyed BLAKE2b instance.
     *
     * @param digestLengthBytes digest length in bytes, 1 to 64 (32 for BLAKE2b-256, 64 for
     *     BLAKE2b-512)
     * @throws IllegalArgumentException if the length is outside 1..64
     */
    public Blake2b(int digestLengthBytes) {
        if (digestLengthBytes < 1 || digestLengthBytes > MAX_DIGEST_BYTES) {
            throw new IllegalArgumentException(
                    "BLAKE2b digest length must be 1 to 64 bytes, got " + digestLengthBytes);
        }
        this.digestLength = digestLengthBytes;
        reset();
    }

    /** Returns the digest length in bytes. */
    public int digestLength() {
        return digestLength;
    }

    /** Discards any data hashed so far and returns the instance to its initial state. */
    public void reset() {
        // Parameter block word 0 (RFC 7693 section 2.5): digest length in byte 0, key length 0
        // in byte 1, fanout 1 and depth 1 in bytes 2 and 3. The rest of the block (leaf length,
        // node offset and depth, salt, personalization) is zero, so h1..h7 are just the IV.
        h0 = IV0 ^ (0x01010000L | digestLength);
        h1 = IV1;
        h2 = IV2;
        h3 = IV3;
        h4 = IV4;
        h5 = IV5;
        h6 = IV6;
        h7 = IV7;
        counterLow = 0;
        counterHigh = 0;
        bufferLength = 0;
    }

    /** Hashes all of {@code b}. */
    public void update(byte[] b) {
        update(b, 0, b.length);
    }

    /**
     * Hashes {@code len} bytes of {@code b} starting at {@code off}.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code b}; the state is then
     *     unchanged
     */
    public void update(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return;
        }
        if (bufferLength > 0) {
            int room = BLOCK_BYTES - bufferLength;
            if (len <= room) {
                // Even if this fills the buffer, it may be the final block: keep it.
                System.arraycopy(b, off, buffer, bufferLength, len);
                bufferLength += len;
                return;
            }
            // More input follows this block, so it can be compressed as not final.
            System.arraycopy(b, off, buffer, bufferLength, room);
            off += room;
            len -= room;
            addToCounter(BLOCK_BYTES);
            compress(buffer, 0, NOT_FINAL);
        }
        // Compress whole blocks straight from the caller's array rather than copying them
        // through the buffer. The strict '>' holds back a block even when the input ends on a
        // block boundary, so the block that may turn out to be the last one always lands in the
        // buffer for digest() to finalize.
        while (len > BLOCK_BYTES) {
            addToCounter(BLOCK_BYTES);
            compress(b, off, NOT_FINAL);
            off += BLOCK_BYTES;
            len -= BLOCK_BYTES;
        }
        System.arraycopy(b, off, buffer, 0, len);
        bufferLength = len;
    }

    /**
     * Completes the hash and returns the digest, {@link #digestLength()} bytes long. The instance
     * is then reset and can be used for a new message.
     */
    public byte[] digest() {
        // The counter covers the message bytes only, never the zero padding.
        addToCounter(bufferLength);
        Arrays.fill(buffer, bufferLength, BLOCK_BYTES, (byte) 0);
        // For an empty message this compresses one all-zero block with t = 0, as RFC 7693
        // requires.
        compress(buffer, 0, FINAL);

        byte[] out = new byte[MAX_DIGEST_BYTES];
        LE_LONG.set(out, 0, h0);
        LE_LONG.set(out, 8, h1);
        LE_LONG.set(out, 16, h2);
        LE_LONG.set(out, 24, h3);
        LE_LONG.set(out, 32, h4);
        LE_LONG.set(out, 40, h5);
        LE_LONG.set(out, 48, h6);
        LE_LONG.set(out, 56, h7);
        reset();
        return digestLength == MAX_DIGEST_BYTES ? out : Arrays.copyOf(out, digestLength);
    }

    private void addToCounter(int bytes) {
        long low = counterLow + bytes;
        // Carry into the high word. Unreachable in practice (2^64 bytes), but it is the spec.
        if (Long.compareUnsigned(low, counterLow) < 0) {
            counterHigh++;
        }
        counterLow = low;
    }

    /*
     * The compression function F of RFC 7693 section 3.2, with its twelve rounds fully unrolled
     * and split over three methods of four rounds each.
     *
     * Unrolled, every message word index is a constant, so the sigma permutation costs nothing
     * at run time, and v[] and m[] live in locals that the JIT can keep in registers (or at
     * least in fixed stack slots) instead of in arrays with bounds checks.
     *
     * Why three methods: twelve unrolled rounds in one method come to more than 8,000 bytes of
     * bytecode, and HotSpot never JIT-compiles a method that large (HugeMethodLimit), which would
     * leave the hot loop interpreted. Of the splits tried (2x6, 3x4, 4x3), 3x4 measured at
     * least as fast as the others.
     *
     * Why the working vector passes through fields, including at the start: if round 0 read the
     * IV as compile-time constants, C2 would reassociate the additions to push the constants
     * outward and then re-add them in later steps; measured, that gave the first method about
     * 45% more machine instructions than the others. Field loads are opaque, so every round
     * method gets the same code shape. The handoff costs 16 stores and 16 loads per method,
     * against about 450 arithmetic instructions.
     */
    private void compress(byte[] b, int off, long finalMask) {
        w0 = h0;
        w1 = h1;
        w2 = h2;
        w3 = h3;
        w4 = h4;
        w5 = h5;
        w6 = h6;
        w7 = h7;
        w8 = IV0;
        w9 = IV1;
        w10 = IV2;
        w11 = IV3;
        w12 = IV4 ^ counterLow;
        w13 = IV5 ^ counterHigh;
        w14 = IV6 ^ finalMask;
        w15 = IV7; // XORed with the last-node flag only in tree hashing, which this is not.

        rounds0to3(b, off);
        rounds4to7(b, off);
        rounds8to11(b, off);

        h0 ^= w0 ^ w8;
        h1 ^= w1 ^ w9;
        h2 ^= w2 ^ w10;
        h3 ^= w3 ^ w11;
        h4 ^= w4 ^ w12;
        h5 ^= w5 ^ w13;
        h6 ^= w6 ^ w14;
        h7 ^= w7 ^ w15;
    }

    /*
     * The round methods below were expanded mechanically from the sigma table of RFC 7693
     * section 2.7. Each line is one half of the mixing function G (section 3.1), with rotation
     * constants R1..R4 = 32, 24, 16, 63; a round applies G to the columns (0,4,8,12) ..
     * (3,7,11,15) and then to the diagonals (0,5,10,15) (1,6,11,12) (2,7,8,13) (3,4,9,14).
     * Rounds 10 and 11 reuse sigma[0] and sigma[1].
     *
     * G's first step is written a = a + m + b, not the RFC's a = a + b + m: the message word is
     * available early, so adding it first leaves only one addition waiting on the freshly
     * computed b, shortening the dependency chain each G forms. (Written a += b + m, the
     * expression tree also makes the JIT compute b + m in a spare register, since b is still
     * needed afterwards; this form compiled to about 15% fewer instructions.)
     *
     * Each method re-reads the message words from the block, which is in L1 cache by then;
     * that is no dearer than handing them over in fields.
     */

    private void rounds0to3(byte[] b, int off) {
        long m0 = (long) LE_LONG.get(b, off);
        long m1 = (long) LE_LONG.get(b, off + 8);
        long m2 = (long) LE_LONG.get(b, off + 16);
        long m3 = (long) LE_LONG.get(b, off + 24);
        long m4 = (long) LE_LONG.get(b, off + 32);
        long m5 = (long) LE_LONG.get(b, off + 40);
        long m6 = (long) LE_LONG.get(b, off + 48);
        long m7 = (long) LE_LONG.get(b, off + 56);
        long m8 = (long) LE_LONG.get(b, off + 64);
        long m9 = (long) LE_LONG.get(b, off + 72);
        long m10 = (long) LE_LONG.get(b, off + 80);
        long m11 = (long) LE_LONG.get(b, off + 88);
        long m12 = (long) LE_LONG.get(b, off + 96);
        long m13 = (long) LE_LONG.get(b, off + 104);
        long m14 = (long) LE_LONG.get(b, off + 112);
        long m15 = (long) LE_LONG.get(b, off + 120);
        long v0 = w0, v1 = w1, v2 = w2, v3 = w3, v4 = w4, v5 = w5, v6 = w6, v7 = w7;
        long v8 = w8, v9 = w9, v10 = w10, v11 = w11, v12 = w12, v13 = w13, v14 = w14, v15 = w15;

        // round 0
        v0 = v0 + m0 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m1 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m2 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m3 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m4 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m5 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m7 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m8 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m9 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m10 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m11 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m12 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m13 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m14 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m15 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 1
        v0 = v0 + m14 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m10 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m4 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m8 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m9 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m15 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m13 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m1 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m12 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m0 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m2 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m11 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m7 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m5 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m3 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 2
        v0 = v0 + m11 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m8 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m12 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m0 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m5 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m2 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m15 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m13 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m10 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m14 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m3 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m6 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m7 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m1 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m9 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m4 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 3
        v0 = v0 + m7 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m9 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m3 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m1 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m13 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m12 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m11 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m14 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m2 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m6 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m5 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m10 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m4 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m0 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m15 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m8 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);

        w0 = v0; w1 = v1; w2 = v2; w3 = v3; w4 = v4; w5 = v5; w6 = v6; w7 = v7;
        w8 = v8; w9 = v9; w10 = v10; w11 = v11; w12 = v12; w13 = v13; w14 = v14; w15 = v15;
    }

    private void rounds4to7(byte[] b, int off) {
        long m0 = (long) LE_LONG.get(b, off);
        long m1 = (long) LE_LONG.get(b, off + 8);
        long m2 = (long) LE_LONG.get(b, off + 16);
        long m3 = (long) LE_LONG.get(b, off + 24);
        long m4 = (long) LE_LONG.get(b, off + 32);
        long m5 = (long) LE_LONG.get(b, off + 40);
        long m6 = (long) LE_LONG.get(b, off + 48);
        long m7 = (long) LE_LONG.get(b, off + 56);
        long m8 = (long) LE_LONG.get(b, off + 64);
        long m9 = (long) LE_LONG.get(b, off + 72);
        long m10 = (long) LE_LONG.get(b, off + 80);
        long m11 = (long) LE_LONG.get(b, off + 88);
        long m12 = (long) LE_LONG.get(b, off + 96);
        long m13 = (long) LE_LONG.get(b, off + 104);
        long m14 = (long) LE_LONG.get(b, off + 112);
        long m15 = (long) LE_LONG.get(b, off + 120);
        long v0 = w0, v1 = w1, v2 = w2, v3 = w3, v4 = w4, v5 = w5, v6 = w6, v7 = w7;
        long v8 = w8, v9 = w9, v10 = w10, v11 = w11, v12 = w12, v13 = w13, v14 = w14, v15 = w15;

        // round 4
        v0 = v0 + m9 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m0 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m5 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m7 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m2 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m4 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m10 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m15 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m14 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m1 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m11 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m12 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m6 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m8 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m3 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m13 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 5
        v0 = v0 + m2 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m12 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m6 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m10 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m0 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m11 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m8 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m3 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m4 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m13 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m7 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m5 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m15 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m14 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m1 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m9 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 6
        v0 = v0 + m12 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m5 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m1 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m15 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m14 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m13 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m4 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m10 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m0 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m7 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m6 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m3 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m9 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m2 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m8 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m11 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 7
        v0 = v0 + m13 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m11 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m7 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m14 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m12 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m1 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m3 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m9 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m5 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m0 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m15 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m4 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m8 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m6 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m2 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m10 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);

        w0 = v0; w1 = v1; w2 = v2; w3 = v3; w4 = v4; w5 = v5; w6 = v6; w7 = v7;
        w8 = v8; w9 = v9; w10 = v10; w11 = v11; w12 = v12; w13 = v13; w14 = v14; w15 = v15;
    }

    private void rounds8to11(byte[] b, int off) {
        long m0 = (long) LE_LONG.get(b, off);
        long m1 = (long) LE_LONG.get(b, off + 8);
        long m2 = (long) LE_LONG.get(b, off + 16);
        long m3 = (long) LE_LONG.get(b, off + 24);
        long m4 = (long) LE_LONG.get(b, off + 32);
        long m5 = (long) LE_LONG.get(b, off + 40);
        long m6 = (long) LE_LONG.get(b, off + 48);
        long m7 = (long) LE_LONG.get(b, off + 56);
        long m8 = (long) LE_LONG.get(b, off + 64);
        long m9 = (long) LE_LONG.get(b, off + 72);
        long m10 = (long) LE_LONG.get(b, off + 80);
        long m11 = (long) LE_LONG.get(b, off + 88);
        long m12 = (long) LE_LONG.get(b, off + 96);
        long m13 = (long) LE_LONG.get(b, off + 104);
        long m14 = (long) LE_LONG.get(b, off + 112);
        long m15 = (long) LE_LONG.get(b, off + 120);
        long v0 = w0, v1 = w1, v2 = w2, v3 = w3, v4 = w4, v5 = w5, v6 = w6, v7 = w7;
        long v8 = w8, v9 = w9, v10 = w10, v11 = w11, v12 = w12, v13 = w13, v14 = w14, v15 = w15;

        // round 8
        v0 = v0 + m6 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m15 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m14 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m9 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m11 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m3 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m0 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m8 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m12 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m2 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m13 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m7 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m1 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m4 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m10 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m5 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 9
        v0 = v0 + m10 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m2 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m8 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m4 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m7 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m6 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m1 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m5 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m15 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m11 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m9 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m14 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m3 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m12 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m13 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m0 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 10, sigma[0]
        v0 = v0 + m0 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m1 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m2 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m3 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m4 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m5 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m7 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m8 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m9 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m10 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m11 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m12 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m13 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m14 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m15 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 11, sigma[1]
        v0 = v0 + m14 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m10 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m4 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m8 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m9 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m15 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m13 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m1 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m12 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m0 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m2 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m11 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m7 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m5 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m3 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);

        w0 = v0; w1 = v1; w2 = v2; w3 = v3; w4 = v4; w5 = v5; w6 = v6; w7 = v7;
        w8 = v8; w9 = v9; w10 = v10; w11 = v11; w12 = v12; w13 = v13; w14 = v14; w15 = v15;
    }
}
