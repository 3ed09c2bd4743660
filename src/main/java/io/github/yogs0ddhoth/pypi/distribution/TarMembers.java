package io.github.yogs0ddhoth.pypi.distribution;

/**
 * The most members a tar is read for. A tar header is 512 bytes that gzip shrinks to almost nothing, so a small
 * {@code .tar.gz} can hold millions of empty members; listing them all would take minutes and more memory than the
 * build has. Real sdists hold hundreds to a few thousand files, the largest on PyPI some tens of thousands.
 */
public final class TarMembers {
    /** Members read before a tar is refused. */
    public static final int MAX = 100_000;

    private TarMembers() {}

    /** Why a tar with more than {@code max} members is refused, for {@code file} as shown in messages. */
    public static String tooMany(String file, int max) {
        return "Cannot read " + file + ": it has more than " + max + " tar members, the most this plugin reads."
                + " Real sdists hold a few thousand files at most; this many points at a build that packed a generated"
                + " or data directory, or at an archive made to exhaust the build's memory. Check what the sdist"
                + " includes (the build backend's include and exclude settings, MANIFEST.in) and rebuild it, or"
                + " exclude the file.";
    }
}
