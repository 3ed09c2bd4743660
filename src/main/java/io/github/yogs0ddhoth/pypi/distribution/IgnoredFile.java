package io.github.yogs0ddhoth.pypi.distribution;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that matched the include patterns but is not uploaded, and why.
 *
 * <p>Kept rather than dropped so that a report, or the "nothing found" error, can show the user what was looked at.
 *
 * @param path the file
 * @param reason a sentence for a person, e.g. {@code "no <top>/PKG-INFO: not an sdist"}; file and entry names in it
 *     are already escaped ({@link DisplayName})
 * @param excluded whether an exclude pattern left it out: the user's own choice, so nothing to warn about; otherwise
 *     the file was looked at and found not to be a distribution, which the user must hear of
 */
public record IgnoredFile(Path path, String reason, boolean excluded) {
    public IgnoredFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** A file looked at and found not to be a wheel or an sdist. */
    public IgnoredFile(Path path, String reason) {
        this(path, reason, false);
    }

    /** A file left out by an exclude pattern. */
    public static IgnoredFile excluded(Path path, String reason) {
        return new IgnoredFile(path, reason, true);
    }
}
