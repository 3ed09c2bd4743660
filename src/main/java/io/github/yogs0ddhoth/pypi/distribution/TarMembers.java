package io.github.yogs0ddhoth.pypi.distribution;

/**
 * The most members a tar is read for, and the most characters their names may add up to. A tar header is 512 bytes
 * that gzip shrinks to almost nothing, so a small {@code .tar.gz} can hold millions of empty members; listing them all
 * would take minutes and more memory than the build has. Real sdists hold hundreds to a few thousand files, the
 * largest on PyPI some tens of thousands. Every name is kept for the listing, and a GNU long name or pax path may be
 * up to a mebibyte, so the member cap alone would still let 100,000 such names fill a hundred gigabytes.
 */
public final class TarMembers {
    /** Members read before a tar is refused. */
    public static final int MAX = 100_000;
    /** Characters of member and link names kept before a tar is refused: 100,000 names of 160 characters. */
    public static final int MAX_NAME_CHARS = 16 * 1024 * 1024;

    private TarMembers() {}

    /** Why a tar whose member and link names add up to more than {@code max} characters is refused. */
    public static String namesTooLong(String file, int max) {
        return "Cannot read " + file + ": its member and link names add up to more than " + max + " characters,"
                + " the most this plugin keeps. Real sdists' names add up to a few megabytes at most (a path is"
                + " rarely over 200 characters); this points at names made to exhaust the build's memory, or at a"
                + " build that packed a deep generated directory. Check what the sdist includes (the build backend's"
                + " include and exclude settings, MANIFEST.in) and rebuild it, or exclude the file.";
    }

    /** Why a tar with more than {@code max} members is refused, for {@code file} as shown in messages. */
    public static String tooMany(String file, int max) {
        return "Cannot read " + file + ": it has more than " + max + " tar members, the most this plugin reads."
                + " Real sdists hold a few thousand files at most; this many points at a build that packed a generated"
                + " or data directory, or at an archive made to exhaust the build's memory. Check what the sdist"
                + " includes (the build backend's include and exclude settings, MANIFEST.in) and rebuild it, or"
                + " exclude the file.";
    }
}
