package io.github.yogs0ddhoth.pypi.distribution;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Decides whether a {@code .tar.gz} is an sdist and, if it is, reads its {@code PKG-INFO}.
 *
 * <p>A tarball with a regular file {@code <top>/PKG-INFO} is an sdist; whether its layout is one PyPI accepts (every
 * entry under that one directory, no sparse members) is the validator's business, which reports it with the file.
 * Any other well-formed tarball (a Maven assembly, say) is not an error, just not ours to upload. A file that is not
 * a complete gzip tar is an error, because the user asked for it and it is broken.
 *
 * <p>The archive is streamed once, start to end: tar has no index, and reading to the end is also what makes the gzip
 * trailer (CRC and length) get checked, so truncation is caught.
 */
final class SdistReader {

    private static final String PKG_INFO = "PKG-INFO";
    private static final int SHOWN_TOP_LEVEL_NAMES = 5;

    private final MetadataLimit limit;

    SdistReader(MetadataLimit limit) {
        this.limit = limit;
    }

    Inspection inspect(Path file) throws DistributionException {
        Contents contents;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                GzipCompressorInputStream gzip = GzipCompressorInputStream.builder()
                        .setInputStream(raw)
                        // Python's tarfile (twine, PyPI) reads every member of a multi-member gzip file; so do we.
                        .setDecompressConcatenated(true)
                        .get();
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            contents = scan(file, tar);
            // Whatever follows the tar end-of-archive blocks must still decompress and match the gzip trailer.
            gzip.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // commons-compress signals most damage with IOException, some malformed headers with unchecked
            // exceptions; the user needs the file name either way, and the cause is kept.
            throw new DistributionException(FileProblem.Kind.CORRUPT_ARCHIVE, "Cannot read " + file
                    + ": it is not a complete gzip-compressed tar"
                    + " archive (" + Causes.describe(e) + "). The file is truncated or corrupt, or not a .tar.gz"
                    + " despite its name. Rebuild the sdist with the build backend (for example"
                    + " 'python -m build --sdist'), or exclude the file from the upload.", e);
        }
        return decide(file, contents);
    }

    /** What the scan learnt about the archive's layout; the PKG-INFO bytes only if it looked like an sdist's. */
    private static final class Contents {
        final Set<String> topLevelNames = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
        String pkgInfoTop;
        String pkgInfoEntry;
        byte[] pkgInfo;
        boolean empty = true;
    }

    private Contents scan(Path file, TarArchiveInputStream tar) throws IOException, DistributionException {
        Contents contents = new Contents();
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            if (name.startsWith("/")) {
                contents.problems.add("entry '" + name + "' has an absolute path");
                continue;
            }
            List<String> segments = segments(name);
            if (segments.isEmpty()) {
                continue; // "./" itself: the archive root, not a member
            }
            contents.empty = false;
            if (segments.contains("..")) {
                contents.problems.add("entry '" + name + "' points outside the archive");
                continue;
            }
            contents.topLevelNames.add(segments.get(0));
            if (segments.size() == 1 && !entry.isDirectory()) {
                contents.problems.add("'" + name + "' is a file at the top level, outside any directory");
            }
            // A PKG-INFO one level down makes the tarball an sdist, even when other entries break the layout: such
            // a file is a broken sdist, reported by the validator, rather than someone else's tarball to skip. Like
            // Python's tarfile, a later member of the same name replaces an earlier one.
            if (segments.size() == 2 && segments.get(1).equals(PKG_INFO)
                    && (contents.pkgInfoTop == null || contents.pkgInfoTop.equals(segments.get(0)))) {
                String entryName = segments.get(0) + "/" + PKG_INFO;
                if (!isRegularFile(entry)) {
                    contents.problems.add("'" + entryName + "' is not a regular file");
                    continue;
                }
                String source = file + " (entry '" + name + "')";
                limit.checkDeclaredSize(entry.getSize(), source);
                contents.pkgInfoTop = segments.get(0);
                contents.pkgInfoEntry = name;
                contents.pkgInfo = limit.read(tar, source);
            }
        }
        return contents;
    }

    private static Inspection decide(Path file, Contents contents) throws DistributionException {
        if (contents.pkgInfo == null) {
            return new Inspection.Ignored(new IgnoredFile(file, whyNotAnSdist(contents)));
        }
        String source = file + " (entry '" + contents.pkgInfoEntry + "')";
        CoreMetadata metadata = CoreMetadata.parse(contents.pkgInfo, source);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DistributionException("Cannot read the size of " + file + " (" + Causes.describe(e)
                    + "). Check that the file still exists and is readable.", e);
        }
        return new Inspection.Accepted(new Distribution(file, file.getFileName().toString(), DistributionType.SDIST,
                size, metadata, Distribution.SDIST_PYVERSION));
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
        return "no " + contents.topLevelNames.iterator().next() + "/" + PKG_INFO + ": not an sdist";
    }

    private static String shown(Contents contents) {
        List<String> names = contents.topLevelNames.stream().limit(SHOWN_TOP_LEVEL_NAMES).toList();
        String more = contents.topLevelNames.size() > SHOWN_TOP_LEVEL_NAMES ? ", ..." : "";
        return "(" + String.join(", ", names) + more + ")";
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

    // Python's TarInfo.isreg(): normal, old-style normal and contiguous files. Links, devices and sparse files are not.
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
    }
}
