package io.github.yogs0ddhoth.pypi.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A distribution changed or vanished on disk between hashing and upload. Never retried: the digests in the form
 * describe the file as it was, so no attempt can succeed, and nothing of it was stored.
 */
final class FileChangedException extends UploadException {
    /** Size of a file that no longer exists. */
    static final long GONE = -1;

    private final long hashedSize;
    private final long currentSize;

    FileChangedException(String filename, Path file, long hashedSize, long currentSize, boolean midUpload) {
        super(message(filename, file, hashedSize, currentSize, midUpload), 0, null, null);
        this.hashedSize = hashedSize;
        this.currentSize = currentSize;
    }

    /** The file's size when it was hashed. */
    public long hashedSize() {
        return hashedSize;
    }

    /** Its size now, or {@value #GONE} when it no longer exists. */
    public long currentSize() {
        return currentSize;
    }

    @Override
    public boolean isUncertain() {
        return false;
    }

    /** The size of {@code file} now, or {@value #GONE}. */
    static long sizeNow(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return GONE;
        }
    }

    private static String message(String filename, Path file, long hashedSize, long currentSize, boolean midUpload) {
        String now = currentSize == GONE ? "it no longer exists" : "it is " + currentSize + " bytes now";
        String what = currentSize == hashedSize
                ? " changed on disk while it was sent: it has the same size (" + hashedSize + " bytes) but was"
                        + " modified since it was found and validated (" + file + "). "
                : " changed on disk after it was hashed: it was " + hashedSize + " bytes then, and " + now
                        + " (" + file + "). ";
        return filename + what + (midUpload ? "The upload was stopped before its end, so the index stored"
                        + " nothing. " : "It was not uploaded. ")
                + "This is not retried: the sha256 and blake2_256 sent with the file describe it as it was when"
                + " hashed. Do not rebuild or delete distributions while publishing (a second build writing to the"
                + " same target/?); run the publish again to upload the files as they are now.";
    }
}
