package io.github.yogs0ddhoth.pypi.report;

/**
 * One file of the release as the report tells it.
 *
 * @param outcome {@code uploaded}, {@code already present}, {@code skipped}, {@code failed}, {@code not attempted}
 *                or {@code would upload}
 * @param rekorLogIndex the Rekor entry of the file's PEP 740 attestation, or null when it has none
 */
public record FileReport(String filename, long size, String sha256, String blake2b256, String outcome,
        String message, Long rekorLogIndex) {
    public FileReport(String filename, long size, String sha256, String blake2b256, String outcome, String message) {
        this(filename, size, sha256, blake2b256, outcome, message, null);
    }

    public boolean isOnIndex() {
        return outcome.equals("uploaded") || outcome.equals("already present") || outcome.equals("skipped");
    }
}
