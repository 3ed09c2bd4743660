package io.github.yogs0ddhoth.pypi.distribution;

/**
 * The size and digests of a distribution file, in the form PyPI's upload API expects them.
 *
 * @param size file size in bytes
 * @param sha256Hex SHA-256 of the file, lowercase hex ({@code sha256_digest})
 * @param blake2b256Hex BLAKE2b with a 32-byte digest, lowercase hex ({@code blake2_256_digest})
 */
public record FileDigests(long size, String sha256Hex, String blake2b256Hex) {}
