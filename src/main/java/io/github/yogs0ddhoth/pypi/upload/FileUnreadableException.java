package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A distribution could not be opened or read from disk while it was being sent. On Windows this is what another
 * program holding the file without sharing it, or locking part of it, looks like (a virus scanner, a search indexer,
 * an IDE, a second build); elsewhere a permission change or a failing disk. It is the local file's fault, so it is
 * never reported as a network problem, and not retried: the next attempt would most likely meet the same lock, and
 * a rerun of the publish is safe.
 */
public final class FileUnreadableException extends UploadException {

    FileUnreadableException(String filename, Path file, IOException cause, boolean midUpload) {
        super(message(filename, file, cause, midUpload), 0, null, cause);
    }

    @Override
    public boolean isUncertain() {
        return false;
    }

    private static String message(String filename, Path file, IOException cause, boolean midUpload) {
        String why = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + DisplayName.of(cause.getMessage());
        return "Cannot read " + DisplayName.of(filename) + " from disk to upload it (" + why + "; "
                + DisplayName.of(file) + "). " + (midUpload ? "The upload was stopped before its end, so the index"
                        + " stored nothing. " : "It was not uploaded. ")
                + "Another program may hold the file open without sharing it or keep a lock on part of it (on"
                + " Windows: a virus scanner, a search indexer, an IDE, or a second build writing to the same"
                + " target/), or the user running Maven may not read it. Close that program or wait for it, then run"
                + " the publish again; this is not retried, and a rerun is safe, since PyPI accepts an identical"
                + " re-upload.";
    }
}
