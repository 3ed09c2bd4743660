package io.github.yogs0ddhoth.pypi;

/** What happened to one file of the release. */
public record PublishedFile(String filename, long size, String sha256, Outcome outcome) {
    public enum Outcome { UPLOADED, WOULD_UPLOAD, FAILED, NOT_ATTEMPTED }
}
