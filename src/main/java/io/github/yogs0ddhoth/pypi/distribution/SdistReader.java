package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a {@code .tar.gz} is an sdist and, if it is, reads its {@code PKG-INFO}.
 *
 * <p>A tarball with a regular file {@code <top>/PKG-INFO} is an sdist; whether its layout is one PyPI accepts (every
 * entry under that one directory, no sparse members) is the validator's business, which reports it with the file.
 * Any other well-formed tarball (a Maven assembly, say) is not an error, just not ours to upload. A file that is not
 * a complete gzip tar is an error, because the user asked for it and it is broken.
 *
 * <p>The archive is streamed once, start to end: tar has no index, and reading to the end is also what makes the gzip
 * trailer (CRC and length) get checked, so truncation is caught. The same pass lists every member for the release
 * check ({@link TarListing}).
 */
final class SdistReader {

    private static final String PKG_INFO = "PKG-INFO";
    private static final int SHOWN_TOP_LEVEL_NAMES = 5;

    private final MetadataLimit limit;
    private final int maxMembers;
    private final int maxNameChars;

    SdistReader(MetadataLimit limit) {
        this(limit, TarMembers.MAX);
    }

    /** With another member cap, so tests need not write a hundred thousand members to reach it. */
    SdistReader(MetadataLimit limit, int maxMembers) {
        this(limit, maxMembers, TarMembers.MAX_NAME_CHARS);
    }

    /** With other caps on members and on the characters of their names. */
    SdistReader(MetadataLimit limit, int maxMembers, int maxNameChars) {
        this.limit = limit;
        this.maxMembers = maxMembers;
        this.maxNameChars = maxNameChars;
    }

    Inspection inspect(Path file) throws DistributionException {
        Contents contents = read(file, tar -> scan(file, tar));
        if (contents.pkgInfoMember != null && contents.pkgInfoMember.isHardLink()) {
            // The data is an earlier member's: found by name now that the whole listing is known, read by a second
            // pass. Rare (a hand-packed or deduplicating tar), so the common case stays one pass.
            Member target = linkTarget(file, contents);
            contents.pkgInfo = read(file, tar -> readMember(file, tar, target));
        }
        return decide(file, contents);
    }

    private interface TarReading<T> {
        T read(TarReader tar) throws IOException, DistributionException;
    }

    private <T> T read(Path file, TarReading<T> reading) throws DistributionException {
        try (TarGz gzip = TarGz.open(file);
                TarReader tar = new TarReader(gzip)) {
            T result = reading.read(tar);
            // Whatever follows the tar end-of-archive blocks must still decompress and match the gzip trailer.
            gzip.transferTo(OutputStream.nullOutputStream());
            return result;
        } catch (DecompressionCap.Exceeded e) {
            throw new DistributionException(FileProblem.Kind.COMPRESSION_RATIO, "Cannot read " + DisplayName.of(file)
                    + ": " + e.getMessage() + " Keep large, highly compressible data (generated files, data sets,"
                    + " padding) out of the sdist (the build backend's include and exclude settings, MANIFEST.in) and"
                    + " rebuild it, or exclude the file.", e);
        } catch (IOException | RuntimeException e) {
            // The readers signal damage with IOException; a RuntimeException would be a bug met on a hostile file,
            // so it is reported the same way. The user needs the file name either way, and the cause is kept.
            throw new DistributionException(FileProblem.Kind.CORRUPT_ARCHIVE, "Cannot read " + DisplayName.of(file)
                    + ": it is not a complete gzip-compressed tar"
                    + " archive (" + Causes.describe(e) + "). The file is truncated or corrupt, or not a .tar.gz"
                    + " despite its name. Rebuild the sdist with the build backend (for example"
                    + " 'python -m build --sdist'), or exclude the file from the upload.", e);
        }
    }

    /** One member's header: what a link is resolved against. No data is kept. */
    private record Member(int index, String name, String key, byte type, String linkName) {
        boolean isHardLink() {
            return type == TarEntry.HARD_LINK;
        }

        boolean isRegular() {
            return isRegularFile(type);
        }
    }

    /** What the scan learnt about the archive's layout; the PKG-INFO bytes only if it looked like an sdist's. */
    private static final class Contents {
        final Set<String> topLevelNames = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        final TarListing.Collector listing = new TarListing.Collector();
        String pkgInfoTop;
        Member pkgInfoMember;
        byte[] pkgInfo;
        boolean empty = true;
    }

    private Contents scan(Path file, TarReader tar) throws IOException, DistributionException {
        Contents contents = new Contents();
        TarEntry entry;
        int index = 0;
        long nameChars = 0;
        while ((entry = tar.next()) != null) {
            if (index == maxMembers) {
                // Every member costs a header record kept for resolving a hard-linked PKG-INFO; stop before the
                // listing, not the archive, decides how much memory and time the build spends.
                throw new DistributionException(FileProblem.Kind.TOO_MANY_MEMBERS,
                        TarMembers.tooMany(DisplayName.of(file), maxMembers), null);
            }
            String name = entry.name();
            // Every name is kept, for the listing and to resolve hard links, so their total is what the listing costs.
            nameChars += name.length() + entry.linkName().length();
            if (nameChars > maxNameChars) {
                throw new DistributionException(FileProblem.Kind.TOO_MANY_MEMBERS,
                        TarMembers.namesTooLong(DisplayName.of(file), maxNameChars), null);
            }
            String key = normalised(name);
            Member member = new Member(index++, name, key, entry.type(), entry.linkName());
            contents.members.add(member);
            contents.listing.add(entry);
            if (name.startsWith("/")) {
                contents.problems.add("entry '" + DisplayName.shortened(name) + "' has an absolute path");
                continue;
            }
            List<String> segments = segments(name);
            if (segments.isEmpty()) {
                continue; // "./" itself: the archive root, not a member
            }
            contents.empty = false;
            if (segments.contains("..")) {
                contents.problems.add("entry '" + DisplayName.shortened(name) + "' points outside the archive");
                continue;
            }
            contents.topLevelNames.add(segments.get(0));
            if (segments.size() == 1 && !entry.isDirectory()) {
                contents.problems.add("'" + DisplayName.shortened(name) + "' is a file at the top level, outside any"
                        + " directory");
            }
            // A PKG-INFO one level down makes the tarball an sdist, even when other entries break the layout: such
            // a file is a broken sdist, reported by the validator, rather than someone else's tarball to skip. Like
            // Python's tarfile, a later member of the same name replaces an earlier one, whatever its type: a
            // link, a device or a directory there is an error reported with the file, never a reason to skip it.
            if (segments.size() == 2 && segments.get(1).equals(PKG_INFO)
                    && (contents.pkgInfoTop == null || contents.pkgInfoTop.equals(segments.get(0)))) {
                contents.pkgInfoTop = segments.get(0);
                contents.pkgInfoMember = member;
                contents.pkgInfo = member.isRegular() ? readData(file, tar, entry) : null;
            }
        }
        return contents;
    }

    private byte[] readData(Path file, TarReader tar, TarEntry entry) throws IOException, DistributionException {
        String source = DisplayName.of(file) + " (entry '" + DisplayName.shortened(entry.name()) + "')";
        limit.checkDeclaredSize(entry.size(), source);
        return limit.read(tar, source);
    }

    private byte[] readMember(Path file, TarReader tar, Member wanted) throws IOException, DistributionException {
        TarEntry entry;
        int index = 0;
        while ((entry = tar.next()) != null) {
            if (index++ == wanted.index()) {
                return readData(file, tar, entry);
            }
        }
        throw new IOException("member " + wanted.index() + " ('" + DisplayName.shortened(wanted.name())
                + "') is gone on the second read: the file changed while it was read");
    }

    // Python's tarfile: a hard link names an earlier member (by its normalised path, relative to the archive root),
    // the last of that name before the link; that member may itself be a hard link. extractfile() follows the chain.
    private static Member linkTarget(Path file, Contents contents) throws DistributionException {
        Member link = contents.pkgInfoMember;
        Member current = link;
        while (current.isHardLink()) {
            String wanted = normalised(current.linkName());
            Member found = null;
            for (int i = current.index() - 1; i >= 0 && found == null; i--) {
                if (contents.members.get(i).key().equals(wanted)) {
                    found = contents.members.get(i);
                }
            }
            if (found == null) {
                throw notRegular(file, link, "a hard link to '" + DisplayName.shortened(current.linkName())
                        + "', which is not an earlier member of the archive");
            }
            current = found;
        }
        if (!current.isRegular()) {
            throw notRegular(file, link, "a hard link to '" + DisplayName.shortened(current.name()) + "', which is "
                    + describe(current));
        }
        return current;
    }

    private static Inspection decide(Path file, Contents contents) throws DistributionException {
        if (contents.pkgInfoMember == null) {
            return new Inspection.Ignored(new IgnoredFile(file, whyNotAnSdist(contents)));
        }
        Member member = contents.pkgInfoMember;
        if (contents.pkgInfo == null) {
            throw notRegular(file, member, describe(member));
        }
        String source = DisplayName.of(file) + " (entry '" + DisplayName.shortened(member.name()) + "'"
                + (member.isHardLink() ? ", a hard link to '" + DisplayName.shortened(member.linkName()) + "'" : "")
                + ")";
        CoreMetadata metadata = CoreMetadata.parse(contents.pkgInfo, source);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DistributionException("Cannot read the size of " + DisplayName.of(file) + " ("
                    + Causes.describe(e) + "). Check that the file still exists and is readable.", e);
        }
        return new Inspection.Accepted(new Distribution(file, file.getFileName().toString(), DistributionType.SDIST,
                size, metadata, Distribution.SDIST_PYVERSION, contents.listing.listing()));
    }

    /** What a member is, for "PKG-INFO is ...": named by its tar type, so the user can find it with 'tar -tvf'. */
    private static String describe(Member member) {
        return switch (member.type()) {
            case TarEntry.SYMBOLIC_LINK -> "a symbolic link to '" + DisplayName.shortened(member.linkName()) + "'";
            case TarEntry.HARD_LINK -> "a hard link to '" + DisplayName.shortened(member.linkName()) + "'";
            case TarEntry.CHARACTER_DEVICE -> "a character device";
            case TarEntry.BLOCK_DEVICE -> "a block device";
            case TarEntry.FIFO -> "a FIFO (named pipe)";
            case TarEntry.DIRECTORY -> "a directory";
            case TarEntry.GNU_SPARSE -> "a sparse file";
            default -> "not a regular file (tar member type '" + DisplayName.of(String.valueOf((char) member.type()))
                    + "')";
        };
    }

    private static DistributionException notRegular(Path file, Member member, String what) {
        return new DistributionException(FileProblem.Kind.PKG_INFO_NOT_REGULAR, "Cannot upload " + DisplayName.of(file)
                + ": it is an sdist (it has the member '" + DisplayName.shortened(member.name())
                + "'), but that PKG-INFO is "
                + what + ", not a regular file holding the core metadata. PyPI, pip and twine read the metadata from"
                + " that member; a link can point outside the archive and a device or pipe holds no data, so the"
                + " sdist is refused rather than published without its metadata. Rebuild the sdist with a Python"
                + " build backend ('python -m build --sdist'), which stores PKG-INFO as a regular file; when packing"
                + " by hand, store links as the files they point to ('tar --dereference'), or exclude the file.",
                null);
    }

    private static String whyNotAnSdist(Contents contents) {
        if (contents.empty) {
            return "no tar entries in the archive: not an sdist";
        }
        if (!contents.problems.isEmpty()) {
            return contents.problems.get(0) + ": not an sdist, whose entries all live under one top-level directory";
        }
        if (contents.topLevelNames.size() > 1) {
            return "entries under " + contents.topLevelNames.size() + " top-level names " + shown(contents)
                    + ": not an sdist, which has a single top-level directory";
        }
        return "no " + DisplayName.shortened(contents.topLevelNames.iterator().next()) + "/" + PKG_INFO
                + ": not an sdist";
    }

    private static String shown(Contents contents) {
        List<String> names = contents.topLevelNames.stream().limit(SHOWN_TOP_LEVEL_NAMES).toList();
        String more = contents.topLevelNames.size() > SHOWN_TOP_LEVEL_NAMES ? ", ..." : "";
        return "(" + String.join(", ", names.stream().map(DisplayName::shortened).toList()) + more + ")";
    }

    // "./pkg-1.0//PKG-INFO" and "pkg-1.0/PKG-INFO" name the same member: Python's os.path.commonpath, used to find
    // the sdist root, ignores empty and "." segments too.
    static List<String> segments(String entryName) {
        List<String> segments = new ArrayList<>();
        for (String segment : entryName.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments;
    }

    // A member name as Python's tarfile compares link targets: os.path.normpath, so "a/./b", "a//b" and "a/x/../b"
    // are all "a/b"; a trailing slash (a directory) does not count.
    private static String normalised(String name) {
        List<String> parts = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return (name.startsWith("/") ? "/" : "") + String.join("/", parts);
    }

    // Python's TarInfo.isreg(): normal, old-style normal and contiguous files. Links, devices and sparse files are not.
    private static boolean isRegularFile(byte flag) {
        return flag == TarEntry.NORMAL || flag == TarEntry.OLD_NORMAL || flag == TarEntry.CONTIGUOUS;
    }
}
