package io.github.yogs0ddhoth.pypi.attest;

import java.util.ArrayList;
import java.util.List;

/** An RFC 6962 tree computed from its definition (section 2.1), to check the verifier against. */
final class TestMerkleTree {
    private final List<byte[]> leafHashes = new ArrayList<>();

    /** Appends an entry body; returns its index. */
    synchronized long add(byte[] body) {
        leafHashes.add(Merkle.leafHash(body));
        return leafHashes.size() - 1;
    }

    synchronized long size() {
        return leafHashes.size();
    }

    synchronized byte[] root() {
        return mth(0, leafHashes.size());
    }

    /** PATH(m, D[n]) of RFC 6962 section 2.1.1, leaf side first. */
    synchronized List<byte[]> path(long index) {
        List<byte[]> out = new ArrayList<>();
        path((int) index, 0, leafHashes.size(), out);
        return out;
    }

    private void path(int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(mth(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(mth(from, from + k));
        }
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return Merkle.sha256(new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return Merkle.nodeHash(mth(from, from + k), mth(from + k, to));
    }
}
