package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the core metadata of a wheel.
 *
 * <p>{@link ZipFile} reads the central directory and seeks to the one entry needed, so a wheel of any size costs only
 * its METADATA in memory.
 */
final class WheelReader {

    private static final String METADATA = "METADATA";
    private static final String DIST_INFO_SUFFIX = ".dist-info";

    private final MetadataLimit limit;

    WheelReader(MetadataLimit limit) {
        this.limit = limit;
    }

    Distribution read(Path file, WheelFilename wheelName) throws DistributionException {
        String filename = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = findMetadata(zip, file, wheelName);
            String source = DisplayName.of(file) + " (entry '" + DisplayName.of(entry.getName()) + "')";
            limit.checkDeclaredSize(entry.getSize(), source);
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = limit.read(in, source);
            }
            CoreMetadata metadata = CoreMetadata.parse(bytes, source);
            return new Distribution(
                    file, filename, DistributionType.WHEEL, Files.size(file), metadata, wheelName.pythonTag());
        } catch (IOException | RuntimeException e) {
            // The JDK reports most corruption as ZipException, but a few malformed headers surface as unchecked
            // exceptions; either way the user needs the file name, and the cause is kept for the stack trace.
            throw new DistributionException(FileProblem.Kind.CORRUPT_ARCHIVE, "Cannot read wheel " + DisplayName.of(file)
                    + ": it is not a readable ZIP archive (" + Causes.describe(e) + "). A wheel is a ZIP file; this one is corrupt or truncated. Rebuild it"
                    + " with the build backend (for example 'python -m build --wheel'), or exclude it from the"
                    + " upload.", e);
        }
    }

    /**
     * Finds {@code <name>-<version>.dist-info/METADATA}, named after the file name's raw first two parts as PyPI looks
     * for it; failing that, the one top-level {@code *.dist-info/METADATA}, so that a wheel whose directory is spelled
     * differently (for example unnormalised case) can still be read and then reported precisely by a validator.
     */
    private static ZipEntry findMetadata(ZipFile zip, Path file, WheelFilename wheelName)
            throws DistributionException {
        String expected = wheelName.distInfoDirectory() + "/" + METADATA;
        ZipEntry preferred = zip.getEntry(expected);
        // getEntry also returns a directory entry "<name>/" when asked for "<name>"; a directory is not the file.
        if (preferred != null && !preferred.isDirectory()) {
            return preferred;
        }
        List<String> candidates = zip.stream()
                .filter(e -> !e.isDirectory())
                .map(ZipEntry::getName)
                .filter(WheelReader::isTopLevelDistInfoMetadata)
                .sorted()
                .toList();
        if (candidates.size() == 1) {
            return zip.getEntry(candidates.get(0));
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
