package io.github.yogs0ddhoth.pypi.attest;

import java.util.List;

/**
 * An RFC 6962 inclusion proof of a Rekor entry in one log shard's Merkle tree, with the signed checkpoint of the
 * tree it proves against.
 *
 * @param logIndex   the entry's index in this shard's tree (not the global index of the entry)
 * @param rootHash   the tree's root hash
 * @param treeSize   the number of leaves in the tree
 * @param hashes     the audit path, leaf side first
 * @param checkpoint the signed note {@code origin\nsize\nbase64(root)\n\n— name base64(keyhint||signature)\n}
 */
record InclusionProof(long logIndex, byte[] rootHash, long treeSize, List<byte[]> hashes, String checkpoint) {
    public InclusionProof {
        hashes = List.copyOf(hashes);
    }
}
