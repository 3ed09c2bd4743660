package io.github.yogs0ddhoth.pypi.distribution;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A matched file that should have been a distribution but could not be read as one.
 *
 * <p>Collected instead of thrown, so that one search reports every broken file at once: a user fixing a release wants
 * the whole list, not one file per build.
 *
 * @param path the file
 * @param kind what went wrong, for a caller that reports each kind under its own rule
 * @param message a complete sentence for a person: the file, the problem, the value seen and expected, the fix
 * @param cause the exception that reported it, kept for stack traces; {@code null} when there was none
 * @param framing for a wheel that could not be read although its central directory could, the framing problems
 *     found, which often explain why; {@code null} otherwise
 */
public record FileProblem(Path path, Kind kind, String message, Exception cause, ZipListing framing) {

    /** What kind of problem a file has. */
    public enum Kind {
        /** A directory, a link to a directory, a dangling link, a pipe or a device matched as a distribution. */
        NOT_A_REGULAR_FILE,
        /** The file could not be opened or read (permissions, I/O error). */
        UNREADABLE,
        /** A truncated or corrupt ZIP, gzip or tar. */
        CORRUPT_ARCHIVE,
        /** A {@code .whl} whose name does not follow the wheel file name grammar. */
        INVALID_WHEEL_FILENAME,
        /** A wheel without a {@code .dist-info/METADATA} that could be read. */
        MISSING_METADATA,
        /** A METADATA or PKG-INFO over the size the readers hold in memory. */
        METADATA_TOO_LARGE,
        /** A METADATA or PKG-INFO that is not UTF-8 or not a header block. */
        MALFORMED_METADATA,
        /**
         * An sdist whose {@code PKG-INFO} member is a symbolic link, a device, a FIFO, a directory, or a hard link that
         * leads to no regular member: it is an sdist, but one whose metadata cannot be read.
         */
        PKG_INFO_NOT_REGULAR,
        /**
         * A tar with more members than {@link TarMembers#MAX}, or member names longer in total than
         * {@link TarMembers#MAX_NAME_CHARS}: refused before it exhausts time and memory.
         */
        TOO_MANY_MEMBERS,
        /**
         * A {@code .tar.gz} that decompresses past {@link DecompressionCap}: a decompression bomb, refused before it is
         * read to the end.
         */
        COMPRESSION_RATIO
    }

    public FileProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A problem found without an exception. */
    public FileProblem(Path path, Kind kind, String message) {
        this(path, kind, message, null, null);
    }

    /** A problem reported by an exception. */
    public FileProblem(Path path, Kind kind, String message, Exception cause) {
        this(path, kind, message, cause, null);
    }
}
