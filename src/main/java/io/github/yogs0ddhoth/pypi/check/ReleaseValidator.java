package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.DiscoveryResult;
import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionType;
import io.github.yogs0ddhoth.pypi.distribution.FileProblem;
import io.github.yogs0ddhoth.pypi.distribution.ZipListing;
import io.github.yogs0ddhoth.pypi.distribution.IgnoredFile;
import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a release the way PyPI will, before anything is uploaded: every file's metadata, name and archive, and the
 * files together as one release. It reports every problem at once, so one run tells the user everything to fix.
 *
 * <p>No network, no Maven: the same validation serves the publish goal (which must not upload anything if it finds an
 * error) and an offline check goal. Instances hold only immutable reference data and may be shared.
 */
public final class ReleaseValidator {

    private static final String SNAPSHOT = "-SNAPSHOT";

    private final MetadataRules metadataRules;

    /** A validator with the shipped trove classifier and SPDX lists. */
    public ReleaseValidator() {
        this(TroveClassifiers.load(), LicenseExpression.load());
    }

    ReleaseValidator(TroveClassifiers classifiers, LicenseExpression licenses) {
        this.metadataRules = new MetadataRules(classifiers, licenses);
    }

    /**
     * Validates everything discovery found.
     *
     * @param discovered the distributions, the ignored files (a {@code .zip} among them is reported as a refused sdist,
     *     every other one as a warning that it is not published)
     *     and the files that could not be read
     * @param expectedVersion the version the release must have ({@code pypi.expectedVersion}), if pinned
     * @return every finding; {@link ValidationReport#hasErrors()} says whether the release may be published
     */
    public ValidationReport validate(DiscoveryResult discovered, Optional<String> expectedVersion) {
        Objects.requireNonNull(discovered, "discovered");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        List<String> files = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Optional<Pep440Version> expected = expectedVersion.filter(v -> !isSnapshot(v)).flatMap(Pep440Version::parse);

        for (Distribution distribution : discovered.distributions()) {
            files.add(DisplayName.of(distribution.path()));
            findings.addAll(checkFile(distribution, expected));
        }
        for (FileProblem problem : discovered.problems()) {
            files.add(DisplayName.of(problem.path()));
            findings.addAll(fromProblem(problem));
        }
        for (IgnoredFile ignored : discovered.ignored()) {
            if (ignored.excluded()) {
                continue;
            }
            files.add(DisplayName.of(ignored.path()));
            // Never silently: a matched file left out of the release is either refused (a .zip sdist) or named.
            findings.add(ignored.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                    ? zipSdist(ignored.path())
                    : notPublished(ignored));
        }
        findings.addAll(releaseFindings(discovered, expectedVersion));
        return new ValidationReport(files, findings);
    }

    private List<Finding> checkFile(Distribution distribution, Optional<Pep440Version> expected) {
        Path file = distribution.path();
        boolean wheel = distribution.type() == DistributionType.WHEEL;
        String where = wheel ? "METADATA" : "PKG-INFO";
        List<Finding> findings = new ArrayList<>(metadataRules.check(file, where, distribution.metadata()));

        Optional<String> name = distribution.name().map(String::strip).filter(n -> !n.isEmpty());
        Optional<Pep440Version> version = distribution.version().flatMap(Pep440Version::parse);
        Optional<String> metadataVersion = distribution.metadata().metadataVersion();
        List<String> licenseFiles = distribution.metadata().all("License-File").stream()
                .filter(v -> !v.isBlank() && !v.strip().equals("UNKNOWN")).toList();
        findings.addAll(ArchiveChecks.of(distribution.type()).check(distribution,
                new ArchiveChecks.Declared(name, version, metadataVersion, licenseFiles)));

        if (expected.isPresent() && version.isPresent() && !version.get().equals(expected.get())) {
            findings.add(Rule.EXPECTED_VERSION_MISMATCH.at(file, distribution.filename() + " has version "
                    + version.get() + ", but pypi.expectedVersion is " + expected.get() + ". Publishing it would"
                    + " release a version nobody asked for.", "Delete the file if it is left over from an earlier"
                    + " build (mvn clean), or rebuild it from the version you mean to release, or correct"
                    + " pypi.expectedVersion."));
        }
        return findings;
    }

    private static List<Finding> fromProblem(FileProblem problem) {
        // A wheel whose central directory was read but whose metadata was not: the framing often says why (an entry
        // compressed with a method PyPI refuses), in PyPI's own words.
        if (problem.framing() != null && !problem.framing().problems().stream()
                .allMatch(p -> p.flaw() == ZipListing.Flaw.MALFORMED)) {
            List<Finding> findings = new ArrayList<>();
            WheelChecks.framing(problem.path(), problem.path().getFileName().toString(), problem.framing(), findings);
            return findings;
        }
        return List.of(asFinding(problem));
    }

    private static Finding asFinding(FileProblem problem) {
        Path file = problem.path();
        return switch (problem.kind()) {
            case NOT_A_REGULAR_FILE -> Rule.FILE_NOT_REGULAR.at(file, problem.message(),
                    "Remove or rename it, or add an exclude pattern for it.");
            case UNREADABLE -> Rule.FILE_UNREADABLE.at(file, problem.message(),
                    "Make the file readable by the user running Maven, or exclude it.");
            case CORRUPT_ARCHIVE -> Rule.ARCHIVE_CORRUPT.at(file, problem.message(),
                    "Rebuild the distribution ('python -m build'); delete partial files left by an interrupted"
                            + " build.");
            case INVALID_WHEEL_FILENAME -> Rule.WHEEL_FILENAME_INVALID.at(file, problem.message(),
                    "Keep the file name the build backend gave the wheel.");
            case MISSING_METADATA -> Rule.WHEEL_METADATA_MISSING.at(file, problem.message(),
                    "Rebuild the wheel with a build backend ('python -m build --wheel').");
            case METADATA_TOO_LARGE -> Rule.METADATA_TOO_LARGE.at(file, problem.message(),
                    "Check what the build put into the description (the readme setting) and rebuild.");
            case MALFORMED_METADATA -> Rule.METADATA_MALFORMED.at(file, problem.message(),
                    "Write the metadata as UTF-8 'Field: value' lines (a build backend does) and rebuild.");
            case PKG_INFO_NOT_REGULAR -> Rule.SDIST_PKG_INFO_NOT_REGULAR.at(file, problem.message(),
                    "Rebuild the sdist with a Python build backend ('python -m build --sdist'), or pack it with 'tar"
                            + " --dereference' so PKG-INFO is stored as a regular file.");
            case TOO_MANY_MEMBERS -> Rule.ARCHIVE_TOO_MANY_MEMBERS.at(file, problem.message(),
                    "Rebuild the sdist from a clean tree with only the project's sources included, or exclude it.");
            case COMPRESSION_RATIO -> Rule.ARCHIVE_COMPRESSION_RATIO.at(file, problem.message(),
                    "Keep large, highly compressible data (generated files, data sets, padding) out of the sdist"
                            + " and rebuild it, or exclude it.");
        };
    }

    private static Finding notPublished(IgnoredFile ignored) {
        return Rule.FILE_NOT_PUBLISHED.at(ignored.path(), "It matches the include patterns but is not published: "
                + ignored.reason() + ".", "If it should be published, rebuild it"
                + " as a wheel or an sdist ('python -m build'); if not, add an exclude pattern for it (or narrow the"
                + " includes), which also silences this warning.");
    }

    private static Finding zipSdist(Path file) {
        return Rule.SDIST_ZIP.at(file, file.getFileName() + " is a .zip archive, matched by the include patterns."
                + " PyPI accepts sdists only as gzip-compressed tar files named {name}-{version}.tar.gz (PEP 625):"
                + " a .zip sdist is refused with \"Filename '" + file.getFileName() + "' is invalid, should be"
                + " '<name>-<version>.tar.gz'\", and a .zip is never a wheel.",
                "Build the sdist as .tar.gz ('python -m build --sdist' does), and remove the pattern that matches"
                        + " .zip files from includes (or exclude this file).");
    }

    private static List<Finding> releaseFindings(DiscoveryResult discovered, Optional<String> expectedVersion) {
        List<Finding> findings = new ArrayList<>();
        List<Distribution> distributions = discovered.distributions();
        if (distributions.isEmpty() && discovered.problems().isEmpty()) {
            findings.add(Rule.RELEASE_EMPTY.release("There is no wheel or sdist to publish.",
                    "Build the distributions before this step (for example 'python -m build' in an earlier phase)"
                            + " into the packages directory."));
        }
        expectedVersion.ifPresent(v -> expectedVersionFinding(v).ifPresent(findings::add));

        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<Object, List<String>> byVersion = new LinkedHashMap<>();
        Map<Object, String> versionLabels = new LinkedHashMap<>();
        Map<String, List<String>> byFilename = new LinkedHashMap<>();
        List<String> sdists = new ArrayList<>();
        for (Distribution d : distributions) {
            d.name().filter(ProjectNames::isValid)
                    .ifPresent(n -> byName.computeIfAbsent(ProjectNames.normalize(n), k -> new ArrayList<>())
                            .add(DisplayName.of(d.filename())));
            d.version().ifPresent(raw -> {
                Object key = Pep440Version.parse(raw).<Object>map(v -> v).orElse(raw);
                byVersion.computeIfAbsent(key, k -> new ArrayList<>()).add(DisplayName.of(d.filename()));
                versionLabels.putIfAbsent(key, key.toString());
            });
            byFilename.computeIfAbsent(DisplayName.of(d.filename()), k -> new ArrayList<>())
                    .add(DisplayName.of(d.path()));
            if (d.type() == DistributionType.SDIST) {
                sdists.add(DisplayName.of(d.path()));
            }
        }
        if (byName.size() > 1) {
            findings.add(Rule.RELEASE_NAMES.release("The files belong to " + byName.size() + " projects, but a release"
                    + " is one project: " + groups(byName, k -> k) + ". Publishing them together would upload to"
                    + " several projects at once.", "Publish one project per packages directory: remove the foreign"
                    + " files, or narrow includes/excludes to this project's files."));
        }
        if (byVersion.size() > 1) {
            findings.add(Rule.RELEASE_VERSIONS.release("The files have " + byVersion.size() + " different versions"
                    + " (compared as PEP 440 versions): " + groups(byVersion, versionLabels::get) + ". A release is"
                    + " one version; the others are usually stale files from an earlier build, and PyPI never lets"
                    + " a published file be replaced.", "Delete the stale files (run 'mvn clean', or empty the"
                    + " output directory before building), or narrow includes/excludes to the current version."));
        }
        if (sdists.size() > 1) {
            findings.add(Rule.RELEASE_SDISTS.release("There are " + sdists.size() + " sdists (" + String.join(", ",
                    sdists) + "). PyPI refuses the second one: \"Only one sdist may be uploaded per release.\"",
                    "Keep only the sdist of this version and project; delete the others or exclude them."));
        }
        byFilename.forEach((filename, paths) -> {
            if (paths.size() > 1) {
                findings.add(Rule.RELEASE_DUPLICATE_FILENAME.release("The file name " + filename + " was found "
                        + paths.size() + " times (" + String.join(", ", paths) + "). PyPI stores one file per name:"
                        + " the second upload fails with \"File already exists\" unless the bytes are identical.",
                        "Keep one copy: narrow includes/excludes to one output directory."));
            }
        });
        return findings;
    }

    private static <K> String groups(Map<K, List<String>> groups, Function<K, String> label) {
        return groups.entrySet().stream()
                .map(e -> "'" + label.apply(e.getKey()) + "' (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static Optional<Finding> expectedVersionFinding(String expected) {
        if (isSnapshot(expected)) {
            String base = expected.substring(0, expected.length() - SNAPSHOT.length());
            return Optional.of(Rule.EXPECTED_VERSION_SNAPSHOT.release("pypi.expectedVersion is '" + expected + "'."
                    + " Python has no snapshot versions: '-SNAPSHOT' is not PEP 440, and PyPI never replaces a"
                    + " published file, so every upload is a permanent release that no later build can overwrite.",
                    "Set pypi.expectedVersion to the PEP 440 version being released, for example '" + base
                            + "', or a pre-release such as '" + base + "rc1' or '" + base + ".dev1'; for snapshot"
                            + " builds, skip publishing (pypi.skip) rather than pinning a snapshot."));
        }
        if (Pep440Version.parse(expected).isEmpty()) {
            return Optional.of(Rule.EXPECTED_VERSION_INVALID.release("pypi.expectedVersion is '" + expected + "',"
                    + " which is not a PEP 440 version, so no file could match it.", "Set pypi.expectedVersion to"
                    + " a PEP 440 version such as 1.2.0, 1.2.0rc1 or 1.2.0.post1."));
        }
        return Optional.empty();
    }

    private static boolean isSnapshot(String version) {
        return version.strip().toUpperCase(Locale.ROOT).endsWith(SNAPSHOT);
    }
}
