package io.github.yogs0ddhoth.pypi.upload;

/** How one file's upload ended, and a sentence saying why. */
public record UploadResult(Outcome outcome, String message) {
    public enum Outcome {
        /** We sent it and the index stored it. */
        UPLOADED,
        /** The index already had a file of that name with the same sha256. */
        ALREADY_PRESENT,
        /** The index has a different file under that name and {@code skipExisting} allowed moving on. */
        SKIPPED,
        FAILED,
        /** A dry run: nothing was sent. */
        WOULD_UPLOAD;

        /** The word the report and the job summary use. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public boolean isDone() {
        return outcome != Outcome.FAILED;
    }
}
