package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import io.github.yogs0ddhoth.pypi.distribution.TarListing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What PyPI checks of an sdist beyond its metadata: the PEP 625 file name and the tar layout. */
final class SdistChecks implements ArchiveChecks {

    private static final int SHOWN = 5;

    @Override
    public List<Finding> check(Distribution sdist, Declared declared) {
        Optional<String> metadataName = declared.name();
        Optional<Pep440Version> metadataVersion = declared.version();
        Path file = sdist.path();
        String filename = DisplayName.of(sdist.filename());
        List<Finding> findings = new ArrayList<>();
        if (metadataName.isPresent() && ProjectNames.isValid(metadataName.get()) && metadataVersion.isPresent()) {
            checkFilename(file, filename, metadataName.get(), metadataVersion.get(), findings);
        }
        TarListing listing = (TarListing) sdist.listing();
        if (!listing.sparse().isEmpty()) {
            findings.add(Rule.TAR_SPARSE.at(file, listing.sparse().size() + " member(s) of " + filename + " are"
                    + " sparse files (" + shown(listing.sparse()) + "), a GNU tar extension that not every tar reader"
                    + " understands. PyPI refuses the upload: \"Invalid distribution file. tar archive not accepted:"
                    + " Sparse members are not allowed. See https://docs.pypi.org/archives for more information\".",
                    "Rebuild the sdist with a Python build backend ('python -m build --sdist'), which never writes"
                            + " sparse members; do not repack it with 'tar --sparse'."));
        }
        if (!listing.outside().isEmpty()) {
            findings.add(Rule.ARCHIVE_PATH_OUTSIDE.at(file, listing.outside().size() + " member(s) of " + filename
                    + " have an absolute path or climb out with '..' (" + shown(listing.outside()) + "): unpacked,"
                    + " they would land outside the sdist's directory. pip refuses to install such an sdist (it"
                    + " reports a file trying to install outside the target directory), so the release could not be"
                    + " installed from source.", "Rebuild the sdist with a Python build backend ('python -m build"
                    + " --sdist'); when packing by hand, run tar from the parent of the project directory ('tar -czf"
                    + " name-1.0.tar.gz name-1.0') and never with absolute or '..' paths."));
        }
        if (!listing.special().isEmpty()) {
            List<String> special = listing.special();
            findings.add(Rule.SDIST_SPECIAL_MEMBER.at(file, special.size() + " member(s) of " + filename + " are"
                    + " devices, FIFOs or links that point outside the archive ("
                    + String.join(", ", special.subList(0, Math.min(SHOWN, special.size())))
                    + (special.size() > SHOWN ? ", ..." : "") + "). pip unpacks sdists with Python's tarfile 'data'"
                    + " filter, which refuses these members, so the sdist cannot be installed.", "Rebuild the sdist"
                    + " with a Python build backend ('python -m build --sdist'), which stores only files and"
                    + " directories; keep devices and pipes out of the source tree, and store links as the files they"
                    + " point to ('tar --dereference')."));
        }
        Optional<String> top = listing.commonPath();
        if (top.isEmpty()) {
            Set<String> tops = listing.topLevelNames();
            findings.add(Rule.SDIST_TOP_LEVEL.at(file, filename + " has " + tops.size() + " top-level entries ("
                    + shown(List.copyOf(tops)) + "); an sdist keeps everything under one directory, such as '"
                    + expectedTop(filename) + "'. PyPI refuses the upload: \"Invalid distribution file. Incorrect"
                    + " number of top-level directories in sdist\".", "Rebuild the sdist with a Python build backend"
                    + " ('python -m build --sdist'); an assembly or a hand-made tarball is not an sdist."));
            return findings;
        }
        String pkgInfo = DisplayName.of(top.get()) + "/PKG-INFO";
        if (!listing.contains(top.get() + "/PKG-INFO")) {
            boolean dotSlash = listing.names().stream().anyMatch(n -> n.startsWith("./"));
            findings.add(Rule.SDIST_PKG_INFO.at(file, filename + " has no member named '" + pkgInfo + "'"
                    + (dotSlash ? " (its member names start with './', and PyPI looks the name up exactly)" : "")
                    + ". PyPI refuses the upload: \"Invalid distribution file. PKG-INFO not found at " + pkgInfo
                    + "\".", "Rebuild the sdist with a Python build backend, which writes '<name>-<version>/PKG-INFO'"
                    + (dotSlash ? "; when packing by hand, use 'tar -czf x.tar.gz dir' rather than '.'" : "") + "."));
        }
        if (ProjectInfoRules.sendsLicenseFiles(declared.metadataVersion())) {
            for (String license : declared.licenseFiles()) {
                String expected = top.get() + "/" + license;
                if (!listing.contains(expected)) {
                    findings.add(Rule.LICENSE_FILE_MISSING.at(file, "PKG-INFO declares License-File '" + license
                            + "', but " + filename + " has no '" + DisplayName.of(expected) + "', where PyPI looks"
                            + " for it. PyPI refuses the upload: \"License-File " + license + " does not exist in"
                            + " distribution file " + filename + " at " + DisplayName.of(expected) + "\".", "Include the license files in the sdist"
                            + " (the build backend does for [project] license-files), or correct the paths."));
                }
            }
        }
        return findings;
    }

    // PEP 625, as PyPI enforces it: exactly {normalised name with underscores}-{normalised version}.tar.gz.
    private static void checkFilename(Path file, String filename, String name, Pep440Version version,
            List<Finding> findings) {
        String expected = ProjectNames.filenamePart(name) + "-" + version + ".tar.gz";
        if (filename.equals(expected)) {
            return;
        }
        String stem = filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7) : filename;
        int dash = stem.lastIndexOf('-');
        String nameInFile = dash < 0 ? stem : stem.substring(0, dash);
        // A post-release written with a hyphen (1.0-1) puts a second '-' into the version part.
        if (version.isPostRelease() && !ProjectNames.normalize(nameInFile).equals(ProjectNames.normalize(name))
                && dash > 0 && stem.lastIndexOf('-', dash - 1) > 0) {
            nameInFile = stem.substring(0, stem.lastIndexOf('-', dash - 1));
        }
        String pypi = ProjectNames.normalize(nameInFile).equals(ProjectNames.normalize(name))
                ? "Filename '" + filename + "' is invalid, should be '" + expected + "'."
                : "Start filename for '" + name + "' with '" + ProjectNames.filenamePart(name) + "'.";
        findings.add(Rule.SDIST_FILENAME.at(file, "The sdist is named '" + filename + "'; PyPI requires exactly '"
                + expected + "': the normalised project name with '_' for separators, '-', the normalised version"
                + " (PEP 625). PyPI refuses the upload: \"" + pypi + "\"", "Rebuild with a current build backend"
                + " (setuptools >= 69.3, hatchling, flit-core >= 3.9, poetry-core >= 1.9 write PEP 625 names), or"
                + " rename the file to '" + expected + "'."));
    }

    private static String expectedTop(String filename) {
        return filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7) : filename;
    }

    private static String shown(List<String> names) {
        List<String> first = names.subList(0, Math.min(SHOWN, names.size())).stream().map(DisplayName::shortened)
                .toList();
        return "'" + String.join("', '", first) + "'" + (names.size() > SHOWN ? ", ..." : "");
    }
}
