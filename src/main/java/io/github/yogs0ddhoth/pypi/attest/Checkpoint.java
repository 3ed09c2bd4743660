package io.github.yogs0ddhoth.pypi.attest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Rekor v1 checkpoint: a signed note (C2SP signed-note) whose text is the log's origin line, tree size and
 * base64 root hash, followed by a blank line and signature lines {@code — <name> base64(keyhint || signature)}.
 * Rekor v1's key hint is the first four bytes of its log id.
 */
record Checkpoint(String origin, long treeSize, byte[] rootHash) {
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /**
     * Parses the note and checks that one of its signatures is the log's over the note text.
     *
     * @throws VerificationException when the note is malformed or no signature verifies with the key
     */
    public static Checkpoint verify(String note, TransparencyLog log) throws VerificationException {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new VerificationException(Check.CHECKPOINT, "The checkpoint has no blank line between its text and"
                    + " its signatures.");
        }
        String text = note.substring(0, split + 1);
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new VerificationException(Check.CHECKPOINT, "The checkpoint text has " + (lines.length - 1)
                    + " lines; expected origin, tree size and root hash.");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(Check.CHECKPOINT, "The checkpoint's size '" + lines[1] + "' or root '"
                    + lines[2] + "' is malformed.");
        }
        byte[] signed = text.getBytes(StandardCharsets.UTF_8);
        byte[] hint = Arrays.copyOf(log.keyId(), 4);
        int tried = 0;
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                continue;
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
            if (parts.length != 2) {
                continue;
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (blob.length <= 4 || !Arrays.equals(Arrays.copyOf(blob, 4), hint)) {
                continue;
            }
            tried++;
            if (Signatures.verify(log.key(), signed, Arrays.copyOfRange(blob, 4, blob.length))) {
                return new Checkpoint(lines[0], size, root);
            }
        }
        throw new VerificationException(Check.CHECKPOINT, tried == 0
                ? "No checkpoint signature carries the key hint of the log " + log.baseUrl() + "."
                : "The checkpoint's signature does not verify with the key of the log " + log.baseUrl() + ".");
    }
}
