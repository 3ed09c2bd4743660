package io.github.yogs0ddhoth.pypi.distribution;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that matched the include patterns but is not uploaded, and why.
 *
 * <p>Kept rather than dropped so that a report, or the "nothing found" error, can show the user what was looked at.
 *
 * @param path the file
 * @param reason a sentence for a person, e.g. {@code "no <top>/PKG-INFO: not an sdist"}
 */
public record IgnoredFile(Path path, String reason) {
    public IgnoredFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
