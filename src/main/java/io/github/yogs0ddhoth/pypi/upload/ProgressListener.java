package io.github.yogs0ddhoth.pypi.upload;

/** Told how many bytes of a file have gone out; called from the uploading thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (sent, total) -> {};

    void sent(long bytesSent, long totalBytes);
}
