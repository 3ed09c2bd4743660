package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {
    @Test
    void hashesAsRfc6962Defines() {
        // RFC 6962 test vector: the empty leaf hashes to SHA-256(0x00).
        assertThat(HexFormat.of().formatHex(Merkle.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void everyLeafOfTreesOfManySizesIsProvenAndNothingElseIs() {
        TestMerkleTree tree = new TestMerkleTree();
        for (int size = 1; size <= 70; size++) {
            tree.add(("entry " + size).getBytes(StandardCharsets.UTF_8));
            byte[] root = tree.root();
            for (int i = 0; i < size; i++) {
                byte[] leaf = Merkle.leafHash(("entry " + (i + 1)).getBytes(StandardCharsets.UTF_8));
                List<byte[]> path = tree.path(i);
                assertThat(Merkle.rootFromInclusionProof(i, size, leaf, path)).as("leaf %d of %d", i, size)
                        .isEqualTo(root);
                if (size > 1) {
                    assertThat(Merkle.rootFromInclusionProof((i + 1) % size, size, leaf, path))
                            .as("wrong index %d of %d", i, size).isNotEqualTo(root);
                    List<byte[]> bad = new ArrayList<>(path);
                    bad.set(i % bad.size(), RealVectorsTest.flip(bad.get(i % bad.size())));
                    assertThat(Merkle.rootFromInclusionProof(i, size, leaf, bad)).isNotEqualTo(root);
                    assertThat(Merkle.rootFromInclusionProof(i, size, leaf, path.subList(0, path.size() - 1)))
                            .as("short proof").isNotEqualTo(root);
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(Merkle.rootFromInclusionProof(i, size, leaf, longer)).as("long proof").isNull();
            }
        }
    }

    @Test
    void anIndexOutsideTheTreeProvesNothing() {
        byte[] leaf = Merkle.leafHash(new byte[] {1});
        assertThat(Merkle.rootFromInclusionProof(1, 1, leaf, List.of())).isNull();
        assertThat(Merkle.rootFromInclusionProof(-1, 4, leaf, List.of())).isNull();
        assertThat(Merkle.rootFromInclusionProof(0, 1, leaf, List.of())).isEqualTo(leaf);
    }
}
