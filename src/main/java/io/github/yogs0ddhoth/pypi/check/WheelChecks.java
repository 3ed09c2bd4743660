package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import io.github.yogs0ddhoth.pypi.distribution.TarListing;
import io.github.yogs0ddhoth.pypi.distribution.ZipListing;
import io.github.yogs0ddhoth.pypi.distribution.WheelFilename;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What PyPI checks of a wheel beyond its metadata: the file name, the archive framing and the required files. */
final class WheelChecks implements ArchiveChecks {

    private static final String ARCHIVES_DOC = "See https://docs.pypi.org/archives for more information";
    private static final int SHOWN = 5;

    @Override
    public List<Finding> check(Distribution wheel, Declared declared) {
        Optional<String> metadataName = declared.name();
        Optional<Pep440Version> metadataVersion = declared.version();
        Path file = wheel.path();
        String filename = DisplayName.of(wheel.filename());
        List<Finding> findings = new ArrayList<>();
        Optional<WheelFilename> parsed = WheelFilename.parse(filename);
        if (parsed.isEmpty()) {
            return findings; // discovery reports names that do not parse
        }
        checkFilename(file, filename, parsed.get(), metadataName, metadataVersion, findings);

        ZipListing listing = (ZipListing) wheel.listing();
        framing(file, filename, listing, findings);
        installability(file, filename, listing.names(), findings);

        // PyPI names the .dist-info directory after the raw first two parts of the file name, not the metadata.
        String distInfo = parsed.get().distInfoDirectory();
        Set<String> names = listing.names();
        requireEntry(file, filename, names, distInfo + "/WHEEL", Rule.WHEEL_WHEEL_FILE,
                "PyPI refuses the upload: \"Invalid distribution file. WHEEL not found at " + distInfo + "/WHEEL\".",
                findings);
        requireEntry(file, filename, names, distInfo + "/METADATA", Rule.WHEEL_METADATA_FILE,
                "PyPI refuses the upload: \"Wheel '" + filename + "' does not contain the required METADATA file: "
                        + distInfo + "/METADATA\".", findings);
        if (ProjectInfoRules.sendsLicenseFiles(declared.metadataVersion())) {
            for (String license : declared.licenseFiles()) {
                String expected = distInfo + "/licenses/" + license;
                if (!names.contains(expected)) {
                    findings.add(Rule.LICENSE_FILE_MISSING.at(file, "METADATA declares License-File '" + license
                            + "', but the wheel has no '" + expected + "', where PyPI looks for it. PyPI refuses the"
                            + " upload: \"License-File " + license + " does not exist in distribution file "
                            + filename + " at " + expected + "\".",
                            "Rebuild the wheel with a backend that copies license files into .dist-info/licenses/"
                                    + " (PEP 639), or correct the License-File paths in the project configuration."));
                }
            }
        }
        checkRecordAndEntryPoints(file, filename, distInfo, listing, findings);
        return findings;
    }

    private static void checkFilename(Path file, String filename, WheelFilename parts, Optional<String> metadataName,
            Optional<Pep440Version> metadataVersion, List<Finding> findings) {
        Optional<Pep440Version> fileVersion = Pep440Version.parse(parts.version());
        if (parts.name().contains("__")) {
            findings.add(Rule.WHEEL_FILENAME_NAME.at(file, "The name part '" + parts.name() + "' of '" + filename
                    + "' contains '__', which no normalised name does. PyPI refuses the upload: \"Invalid project"
                    + " name: '" + filename + "'\".", "Keep the file name the build backend wrote, which starts with"
                    + " the normalised project name."));
        }
        if (fileVersion.isEmpty()) {
            findings.add(Rule.WHEEL_FILENAME_VERSION.at(file, "The version part '" + parts.version() + "' of '"
                    + filename + "' is not a PEP 440 version. PyPI refuses the upload: \"Invalid wheel filename"
                    + " (invalid version): '" + filename + "'\".", "Keep the file name the build backend wrote;"
                    + " the version part must be the normalised version of METADATA's Version."));
        }
        for (String tag : parts.platformTag().split("\\.")) {
            if (PlatformTags.isAllowed(tag)) {
                continue;
            }
            String why = PlatformTags.isPlainLinux(tag)
                    ? " A plain '" + tag + "' wheel was linked against the libraries of the machine that built it and"
                            + " may not load anywhere else; PyPI accepts Linux binaries only as manylinux (PEP 600) or"
                            + " musllinux (PEP 656) wheels, which promise to run on every distribution with at least a"
                            + " given glibc or musl."
                    : " PyPI accepts only platforms with a published binary-compatibility specification.";
            String fix = PlatformTags.isPlainLinux(tag)
                    ? "Run 'auditwheel repair " + filename + "': it copies the shared libraries the extension needs"
                            + " into the wheel and retags it (for example manylinux_2_28_x86_64), or build in a"
                            + " manylinux container (cibuildwheel does both). Publish the repaired wheel instead."
                    : "Build for a supported platform tag (any, win_amd64, macosx_11_0_arm64, manylinux_2_28_x86_64,"
                            + " musllinux_1_2_x86_64, ...), or keep this wheel out of the upload.";
            findings.add(Rule.WHEEL_PLATFORM_TAG.at(file, "'" + filename + "' has the platform tag '" + tag + "'." + why
                    + " PyPI refuses the upload: \"Binary wheel '" + filename + "' has an unsupported platform tag '"
                    + tag + "'.\"", fix));
        }
        if (metadataName.isPresent() && ProjectNames.isValid(metadataName.get())) {
            String expected = ProjectNames.filenamePart(metadataName.get());
            if (!ProjectNames.normalize(parts.name()).equals(ProjectNames.normalize(metadataName.get()))) {
                findings.add(Rule.WHEEL_FILENAME_NAME.at(file, "'" + filename + "' is named for the project '"
                        + parts.name() + "', but its METADATA says Name: " + metadataName.get() + ". PyPI refuses the"
                        + " upload: \"Start filename for '" + metadataName.get() + "' with '" + expected + "'.\"",
                        "This wheel belongs to another project or was renamed by hand: rebuild it, or keep it out of"
                                + " the upload."));
            } else if (!parts.name().equals(expected)) {
                findings.add(Rule.WHEEL_FILENAME_NAME.at(file, "The name part of '" + filename + "' is '"
                        + parts.name() + "'; PyPI requires the normalised project name '" + expected + "' (lower case,"
                        + " runs of '-', '_' and '.' as one '_'). PyPI refuses the upload: \"Filename '" + filename
                        + "' should contain the normalized project name '" + expected + "', not '" + parts.name()
                        + "'.\"", "Rebuild with a current build backend (which writes normalised names), or rename"
                        + " the file to start with '" + expected + "-' and its .dist-info directory to match."));
            }
        }
        if (metadataVersion.isPresent() && fileVersion.isPresent() && !metadataVersion.get().equals(fileVersion.get())) {
            findings.add(Rule.WHEEL_FILENAME_VERSION.at(file, "'" + filename + "' carries version '"
                    + parts.version() + "' in its name, but its METADATA says Version: " + metadataVersion.get()
                    + ". PyPI refuses the upload: \"Version in filename should be '" + metadataVersion.get()
                    + "' not '" + fileVersion.get() + "'.\"", "Rebuild the wheel so that the file name and the"
                    + " metadata come from the same version, and delete stale wheels from earlier builds."));
        }
    }

    static void framing(Path file, String filename, ZipListing listing, List<Finding> findings) {
        for (ZipListing.Problem problem : listing.problems()) {
            Rule rule = rule(problem.flaw());
            String pypi = rule == Rule.ZIP_COMPRESSION_METHOD || rule == Rule.ZIP_COMPRESSION_RATIO
                    ? "Invalid distribution file. " + problem.reason()
                    : "Invalid distribution file. ZIP archive not accepted: " + problem.reason() + ". " + ARCHIVES_DOC;
            String detail = problem.detail().isEmpty() ? "" : ": " + problem.detail();
            findings.add(rule.at(file, explain(rule) + detail + ". PyPI refuses the upload: \"" + pypi + "\".",
                    fixFor(rule, filename)));
        }
    }

    /** The release-check rule each kind of framing problem breaks. */
    static Rule rule(ZipListing.Flaw flaw) {
        return switch (flaw) {
            case MALFORMED -> Rule.ZIP_MALFORMED;
            case DUPLICATE_NAME -> Rule.ZIP_DUPLICATE_NAME;
            case ENTRY_COMMENT -> Rule.ZIP_ENTRY_COMMENT;
            case COMPRESSION_METHOD -> Rule.ZIP_COMPRESSION_METHOD;
            case COMPRESSION_RATIO -> Rule.ZIP_COMPRESSION_RATIO;
            case DATA_DESCRIPTOR -> Rule.ZIP_DATA_DESCRIPTOR;
            case TRAILING_DATA -> Rule.ZIP_TRAILING_DATA;
        };
    }

    // What pip refuses when it installs a wheel: a file it would write outside the installation directory, and more
    // than one top-level .dist-info directory, where it cannot tell which one describes the wheel.
    private static void installability(Path file, String filename, Set<String> names, List<Finding> findings) {
        Set<String> outside = new TreeSet<>();
        Set<String> distInfos = new TreeSet<>();
        for (String name : names) {
            if (TarListing.isAbsolute(name) || TarListing.climbsOut(name)) {
                outside.add(name);
            }
            // pip's own test: the first path component of every entry, directory or file, ending in .dist-info.
            String top = name.split("/", 2)[0];
            if (top.endsWith(".dist-info")) {
                distInfos.add(top);
            }
        }
        if (!outside.isEmpty()) {
            findings.add(Rule.ARCHIVE_PATH_OUTSIDE.at(file, outside.size() + " entr" + (outside.size() == 1 ? "y" : "ies")
                    + " of " + filename + " have an absolute path or climb out with '..' (" + shown(outside) + "):"
                    + " installed, they would be written outside site-packages. pip refuses to install the wheel (it"
                    + " reports a file trying to install outside the target directory).", "Rebuild the wheel with a"
                    + " build backend; a tool that writes wheels itself must store paths relative to the wheel's root,"
                    + " without a leading '/', a drive letter or '..'."));
        }
        if (distInfos.size() > 1) {
            findings.add(Rule.WHEEL_DIST_INFO_SEVERAL.at(file, filename + " has " + distInfos.size() + " top-level"
                    + " .dist-info directories (" + shown(distInfos) + "). pip refuses to install it (\"multiple"
                    + " .dist-info directories found\"), since it cannot tell which one describes the wheel.",
                    "Rebuild the wheel from a clean build directory (a stale .dist-info from an earlier version or"
                            + " name is the usual cause), so that it holds exactly one '<name>-<version>.dist-info'."));
        }
    }

    private static String explain(Rule rule) {
        return switch (rule) {
            case ZIP_DATA_DESCRIPTOR -> "Entries use a data descriptor (general-purpose flag bit 3): their sizes and"
                    + " CRC follow the data instead of being in the local header, so a streaming reader and the"
                    + " central directory can disagree";
            case ZIP_ENTRY_COMMENT -> "Entries carry a comment in the central directory";
            case ZIP_TRAILING_DATA -> "Bytes follow the end of the ZIP archive (another archive appended, or padding)";
            case ZIP_DUPLICATE_NAME -> "Two entries have the same name, so installers may unpack different files";
            case ZIP_COMPRESSION_METHOD -> "Entries use a compression method other than stored (0) or deflated (8),"
                    + " which pip cannot be relied on to read";
            case ZIP_COMPRESSION_RATIO -> "The archive looks like a decompression bomb";
            default -> "The ZIP records do not line up the way PyPI requires";
        };
    }

    private static String fixFor(Rule rule, String filename) {
        return switch (rule) {
            case ZIP_DATA_DESCRIPTOR -> "Rebuild the archive with a Python build backend, or, if a Java tool writes it"
                    + " with java.util.zip.ZipOutputStream, set each entry's size, compressed size and CRC before"
                    + " putNextEntry (or use STORED entries), so no data descriptor is written.";
            case ZIP_ENTRY_COMMENT -> "Rebuild the archive without per-entry comments.";
            case ZIP_TRAILING_DATA -> "Rebuild " + filename + " from scratch instead of appending to it.";
            case ZIP_DUPLICATE_NAME -> "Rebuild from a clean build directory so every path is added once.";
            case ZIP_COMPRESSION_METHOD -> "Rebuild with deflate (the default of every Python build backend) or no"
                    + " compression.";
            case ZIP_COMPRESSION_RATIO -> "Keep huge, highly compressible data out of the distribution (download or"
                    + " generate it at run time), or ask PyPI support about the project's needs.";
            default -> "Rebuild the archive with a standard ZIP writer (a Python build backend, or the wheel tool).";
        };
    }

    private static void requireEntry(Path file, String filename, Set<String> names, String entry, Rule rule,
            String pypi, List<Finding> findings) {
        if (!names.contains(entry)) {
            findings.add(rule.at(file, "'" + filename + "' has no '" + entry + "' (the directory is named after the"
                    + " file name's first two parts, as PyPI looks it up)" + nearest(names, entry) + ". " + pypi,
                    "Rebuild the wheel with a build backend; if the file was renamed, restore the name the backend"
                            + " gave it, since the .dist-info directory must match it."));
        }
    }

    private static String nearest(Set<String> names, String entry) {
        String leaf = entry.substring(entry.indexOf('/'));
        List<String> similar = names.stream().filter(n -> n.endsWith(".dist-info" + leaf)).sorted().limit(SHOWN)
                .toList();
        return similar.isEmpty() ? "" : "; it has " + String.join(", ", similar.stream().map(DisplayName::of).toList())
                + " instead";
    }

    private static void checkRecordAndEntryPoints(Path file, String filename, String distInfo, ZipListing listing,
            List<Finding> findings) {
        String record = distInfo + "/RECORD";
        Optional<String> recordText = text(listing, record);
        if (recordText.isEmpty()) {
            findings.add(Rule.WHEEL_RECORD_FILE.at(file, "'" + filename + "' has no readable '" + record + "'"
                    + " (missing or not UTF-8). PyPI refuses the upload: \"Wheel '" + filename + "' does not"
                    + " contain the required RECORD file: " + record + "\".", "Rebuild the wheel with a build"
                    + " backend, which writes RECORD listing every file with its hash."));
        } else {
            recordMismatch(file, distInfo, listing.names(), recordText.get(), findings);
        }
        String entryPoints = distInfo + "/entry_points.txt";
        if (listing.names().contains(entryPoints)) {
            Optional<String> epText = text(listing, entryPoints);
            Optional<String> problem = epText.isEmpty()
                    ? Optional.of("it is not UTF-8")
                    : EntryPointsFile.problem(epText.get());
            problem.ifPresent(p -> findings.add(Rule.WHEEL_ENTRY_POINTS.at(file, "'" + entryPoints + "' cannot"
                    + " be read as PyPI reads it: " + p + ". PyPI refuses the upload: \"Wheel '" + filename
                    + "' has invalid entry points defined in the entry_points.txt file\".",
                    "Fix the entry points in pyproject.toml ([project.scripts], [project.entry-points]): script"
                            + " names use letters, digits, '_', '.' and '-'.")));
        }
    }

    // PyPI compares RECORD's paths with the archive's files (not directories, not RECORD's signatures). A mismatch is
    // accepted, but the owners get an e-mail about it, and installers that verify RECORD may fail.
    private static void recordMismatch(Path file, String distInfo, Set<String> names, String recordText,
            List<Finding> findings) {
        Set<String> listed = new TreeSet<>();
        for (String line : recordText.split("\r\n|\r|\n")) {
            if (!line.isEmpty()) {
                listed.add(firstCsvField(line).replace('\\', '/'));
            }
        }
        Set<String> exempt = Set.of(distInfo + "/RECORD.jws", distInfo + "/RECORD.p7s");
        Set<String> files = new TreeSet<>();
        for (String name : names) {
            if (!name.endsWith("/") && !name.endsWith("\\") && !exempt.contains(name)) {
                files.add(name);
            }
        }
        Set<String> unlisted = new TreeSet<>(files);
        unlisted.removeAll(listed);
        Set<String> absent = new TreeSet<>(listed);
        absent.removeAll(files);
        if (unlisted.isEmpty() && absent.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!unlisted.isEmpty()) {
            parts.add(unlisted.size() + " archive file(s) are not in RECORD (" + shown(unlisted) + ")");
        }
        if (!absent.isEmpty()) {
            parts.add(absent.size() + " RECORD line(s) name files the archive lacks (" + shown(absent) + ")");
        }
        findings.add(Rule.WHEEL_RECORD_MISMATCH.at(file, distInfo + "/RECORD does not match the archive: "
                + String.join("; ", parts) + ". PyPI accepts the upload but e-mails the project's owners about it,"
                + " and installers that check RECORD may refuse the wheel.", "Rebuild the wheel with a build backend"
                + " instead of adding or removing files afterwards; a tool that edits a wheel must rewrite RECORD."));
    }

    private static String shown(Set<String> names) {
        List<String> first = new ArrayList<>(names).subList(0, Math.min(SHOWN, names.size())).stream()
                .map(DisplayName::shortened).toList();
        return "'" + String.join("', '", first) + "'" + (names.size() > SHOWN ? ", ..." : "");
    }

    // The first field of a CSV line, with Python csv's default dialect quoting.
    private static String firstCsvField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder field = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                field.append(c);
            }
        }
        return field.toString();
    }

    // An entry the reader kept, as UTF-8 text; empty when it is missing, unreadable or not UTF-8.
    private static Optional<String> text(ZipListing listing, String name) {
        Optional<byte[]> bytes = listing.entry(name);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.get())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
