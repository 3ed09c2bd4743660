package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a wheel in one open: its ZIP framing as PyPI checks it, its core metadata, and the small entries the release
 * check reads ({@code RECORD}, {@code entry_points.txt}).
 *
 * <p>Only headers and those few entries are read, by position, so a wheel of any size costs a few kilobytes plus its
 * METADATA in memory.
 */
final class WheelReader {

    private static final String METADATA = "METADATA";
    private static final String DIST_INFO_SUFFIX = ".dist-info";
    // RECORD and entry_points.txt are small text files; the cap only guards against a hostile archive.
    private static final int MAX_TEXT_ENTRY = 16 * 1024 * 1024;

    private final MetadataLimit limit;

    WheelReader(MetadataLimit limit) {
        this.limit = limit;
    }

    Distribution read(Path file, WheelFilename wheelName) throws DistributionException {
        String filename = file.getFileName().toString();
        try (ZipFraming.Archive zip = ZipFraming.open(file)) {
            if (!zip.centralDirectoryRead()) {
                throw new java.util.zip.ZipException(zip.problems().get(0).reason()
                        + " (no central directory PyPI could read)");
            }
            ZipListing listing = new ZipListing(zip.names(), zip.problems(),
                    checkedEntries(zip, wheelName.distInfoDirectory()));
            String entry = findMetadata(zip.names(), file, wheelName);
            String source = DisplayName.of(file) + " (entry '" + DisplayName.shortened(entry) + "')";
            limit.checkDeclaredSize(zip.declaredSize(entry), source);
            byte[] bytes;
            try (InputStream in = zip.read(entry)) {
                bytes = limit.read(in, source);
            } catch (IOException e) {
                throw corrupt(file, e, listing);
            }
            CoreMetadata metadata = CoreMetadata.parse(bytes, source);
            return new Distribution(file, filename, DistributionType.WHEEL, Files.size(file), metadata,
                    wheelName.pythonTag(), listing);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e, null);
        }
    }

    private static DistributionException corrupt(Path file, Exception e, ZipListing framing) {
        // Most damage surfaces as IOException, a few malformed headers as unchecked exceptions; either way the user
        // needs the file name, and the cause is kept for the stack trace.
        return new DistributionException(FileProblem.Kind.CORRUPT_ARCHIVE, "Cannot read wheel " + DisplayName.of(file)
                + ": it is not a readable ZIP archive (" + Causes.describe(e) + "). A wheel is a ZIP file; this one"
                + " is corrupt or truncated. Rebuild it with the build backend (for example 'python -m build"
                + " --wheel'), or exclude it from the upload.", e, framing);
    }

    // The entries PyPI reads besides METADATA, under the .dist-info directory named after the file name's raw first
    // two parts. One that cannot be read is left out: the check then reports it as missing or unreadable.
    private static Map<String, byte[]> checkedEntries(ZipFraming.Archive zip, String distInfo) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : List.of(distInfo + "/RECORD", distInfo + "/entry_points.txt")) {
            if (zip.isFile(name)) {
                try (InputStream in = zip.read(name)) {
                    entries.put(name, in.readNBytes(MAX_TEXT_ENTRY));
                } catch (IOException e) {
                    // left out, reported by the check as not readable
                }
            }
        }
        return entries;
    }

    /**
     * Finds {@code <name>-<version>.dist-info/METADATA}, named after the file name's raw first two parts as PyPI looks
     * for it; failing that, the one top-level {@code *.dist-info/METADATA}, so that a wheel whose directory is spelled
     * differently (for example unnormalised case) can still be read and then reported precisely by a validator.
     */
    private static String findMetadata(Set<String> names, Path file, WheelFilename wheelName)
            throws DistributionException {
        String expected = wheelName.distInfoDirectory() + "/" + METADATA;
        if (names.contains(expected)) {
            return expected;
        }
        List<String> candidates = names.stream()
                .filter(WheelReader::isTopLevelDistInfoMetadata)
                .sorted()
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new DistributionException(FileProblem.Kind.MISSING_METADATA, "Wheel " + DisplayName.of(file)
                    + " has no core metadata: expected the entry '" + expected + "' (named after the file name's name and version parts '" + wheelName.name() + "' and '"
                    + wheelName.version() + "'), and there is no other '*.dist-info/METADATA' at the top of the"
                    + " archive. The file is not a complete wheel; rebuild it with the build backend (for example"
                    + " 'python -m build --wheel').", null);
        }
        throw new DistributionException(FileProblem.Kind.MISSING_METADATA, "Wheel " + DisplayName.of(file) + " has no '" + expected
                + "' but several other metadata files " + candidates.stream().map(DisplayName::of).toList() + ", so it is unclear which one describes the wheel. Expected exactly one"
                + " '<name>-<version>.dist-info/METADATA' matching the file name. Rebuild the wheel from a clean build"
                + " directory.", null);
    }

    private static boolean isTopLevelDistInfoMetadata(String entryName) {
        int slash = entryName.indexOf('/');
        return slash > 0
                && entryName.substring(0, slash).endsWith(DIST_INFO_SUFFIX)
                && entryName.substring(slash + 1).equals(METADATA);
    }
}
