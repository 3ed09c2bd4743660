package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import java.nio.file.Path;

/**
 * Every rule the validator applies, with its identifier and usual severity. The identifiers appear in reports and
 * are stable: a user may search for one, and a build may grep for one.
 */
public enum Rule {
    // A matched file that could not be read as a distribution at all (from discovery).
    FILE_NOT_REGULAR("file-not-regular", Severity.ERROR, "a matched path is a directory, a link to one, a dangling"
            + " link or a special file"),
    FILE_UNREADABLE("file-unreadable", Severity.ERROR, "a matched file cannot be opened or read"),
    ARCHIVE_CORRUPT("archive-corrupt", Severity.ERROR, "a truncated or corrupt ZIP, gzip or tar"),
    ARCHIVE_TOO_MANY_MEMBERS("archive-too-many-members", Severity.ERROR, "a tar with more members than the plugin"
            + " reads (" + io.github.yogs0ddhoth.pypi.distribution.TarMembers.MAX + "), or longer names in total ("
            + io.github.yogs0ddhoth.pypi.distribution.TarMembers.MAX_NAME_CHARS + " characters)"),
    ARCHIVE_COMPRESSION_RATIO("archive-compression-ratio", Severity.ERROR, "a .tar.gz that decompresses past 64"
            + " MiB at more than 50 times its size"),
    WHEEL_FILENAME_INVALID("wheel-filename-invalid", Severity.ERROR, "a .whl whose name does not parse"),
    WHEEL_METADATA_MISSING("wheel-metadata-missing", Severity.ERROR, "a wheel without a readable"
            + " .dist-info/METADATA"),
    METADATA_TOO_LARGE("metadata-too-large", Severity.ERROR, "METADATA or PKG-INFO over the size cap"),
    METADATA_MALFORMED("metadata-malformed", Severity.ERROR, "METADATA or PKG-INFO not UTF-8 or not a header block"),
    SDIST_PKG_INFO_NOT_REGULAR("sdist-pkg-info-not-regular", Severity.ERROR, "an sdist whose PKG-INFO is a symbolic"
            + " link, a device, a FIFO or a directory"),
    FILE_NOT_PUBLISHED("file-not-published", Severity.WARNING, "a matched file that is not a wheel or an sdist, and"
            + " so is not uploaded"),

    // The release as a whole.
    RELEASE_EMPTY("release-empty", Severity.ERROR, "no file to publish"),
    RELEASE_NAMES("release-names", Severity.ERROR, "files of more than one project"),
    RELEASE_VERSIONS("release-versions", Severity.ERROR, "files of more than one version"),
    RELEASE_SDISTS("release-sdists", Severity.ERROR, "more than one sdist"),
    RELEASE_DUPLICATE_FILENAME("release-duplicate-filename", Severity.ERROR, "two files with the same name"),
    EXPECTED_VERSION_SNAPSHOT("expected-version-snapshot", Severity.ERROR, "a -SNAPSHOT expected version"),
    EXPECTED_VERSION_INVALID("expected-version-invalid", Severity.ERROR, "an expected version that is not PEP 440"),
    EXPECTED_VERSION_MISMATCH("expected-version-mismatch", Severity.ERROR, "a file whose version is not the expected"
            + " one"),

    // File names, as PyPI checks them.
    WHEEL_FILENAME_NAME("wheel-filename-name", Severity.ERROR, "wheel name part not the normalised project name"),
    WHEEL_FILENAME_VERSION("wheel-filename-version", Severity.ERROR, "wheel version part not the METADATA version"),
    WHEEL_PLATFORM_TAG("wheel-platform-tag", Severity.ERROR, "a platform tag PyPI does not accept"),
    SDIST_FILENAME("sdist-filename", Severity.ERROR, "sdist not named {name}-{version}.tar.gz (PEP 625)"),
    SDIST_ZIP("sdist-zip", Severity.ERROR, "a .zip sdist"),

    // Archive contents.
    WHEEL_WHEEL_FILE("wheel-wheel-file", Severity.ERROR, "no {name}-{version}.dist-info/WHEEL"),
    WHEEL_METADATA_FILE("wheel-metadata-file", Severity.ERROR, "no {name}-{version}.dist-info/METADATA"),
    WHEEL_RECORD_FILE("wheel-record-file", Severity.ERROR, "no readable {name}-{version}.dist-info/RECORD"),
    WHEEL_RECORD_MISMATCH("wheel-record-mismatch", Severity.WARNING, "RECORD does not list exactly the archive's"
            + " files"),
    WHEEL_ENTRY_POINTS("wheel-entry-points", Severity.ERROR, "an entry_points.txt PyPI cannot parse"),
    SDIST_TOP_LEVEL("sdist-top-level", Severity.ERROR, "not a single top-level directory"),
    ARCHIVE_PATH_OUTSIDE("archive-path-outside", Severity.ERROR, "an entry with an absolute path or one that climbs out"
            + " of the archive with '..', which pip refuses to install"),
    WHEEL_DIST_INFO_SEVERAL("wheel-dist-info-several", Severity.ERROR, "several top-level .dist-info directories, which"
            + " pip refuses to install"),
    SDIST_SPECIAL_MEMBER("sdist-special-member", Severity.ERROR, "a device or FIFO member, or a link that points out"
            + " of the sdist, which pip refuses to unpack"),
    SDIST_PKG_INFO("sdist-pkg-info", Severity.ERROR, "no {top}/PKG-INFO"),
    LICENSE_FILE_MISSING("license-file-missing", Severity.ERROR, "a License-File not in the archive where PyPI"
            + " looks"),
    LICENSE_FILE_DROPPED("license-file-dropped", Severity.WARNING, "License-File under Metadata-Version < 2.4, not"
            + " sent"),

    // Archive framing.
    ZIP_DATA_DESCRIPTOR("zip-data-descriptor", Severity.ERROR, "ZIP entries with a data descriptor (flag bit 3)"),
    ZIP_ENTRY_COMMENT("zip-entry-comment", Severity.ERROR, "ZIP entries with a comment"),
    ZIP_TRAILING_DATA("zip-trailing-data", Severity.ERROR, "bytes after the end of the ZIP"),
    ZIP_DUPLICATE_NAME("zip-duplicate-name", Severity.ERROR, "two ZIP entries with the same name"),
    ZIP_COMPRESSION_METHOD("zip-compression-method", Severity.ERROR, "ZIP compression other than stored or"
            + " deflated"),
    ZIP_COMPRESSION_RATIO("zip-compression-ratio", Severity.ERROR, "over 64 MiB decompressed at a ratio over 50"),
    ZIP_MALFORMED("zip-malformed", Severity.ERROR, "other ZIP framing PyPI refuses"),
    TAR_SPARSE("tar-sparse", Severity.ERROR, "sparse tar members"),

    // Core metadata.
    METADATA_VERSION("metadata-version", Severity.ERROR, "Metadata-Version missing or unsupported"),
    REQUIRED_FIELD("required-field", Severity.ERROR, "Name or Version missing"),
    FIELD_REPEATED("field-repeated", Severity.WARNING, "a single-valued field given more than once"),
    FIELD_UNKNOWN("field-unknown", Severity.WARNING, "a field that is not core metadata"),
    FIELD_TOO_NEW("field-too-new", Severity.ERROR, "a field newer than the declared Metadata-Version"),
    NAME_INVALID("name-invalid", Severity.ERROR, "an invalid project name"),
    VERSION_INVALID("version-invalid", Severity.ERROR, "a version that is not PEP 440"),
    VERSION_LOCAL("version-local", Severity.ERROR, "a local version (+label)"),
    SUMMARY("summary", Severity.ERROR, "a Summary on several lines or over 512 characters"),
    DESCRIPTION_CONTENT_TYPE("description-content-type", Severity.ERROR, "an invalid Description-Content-Type"),
    DESCRIPTION_CONTENT_TYPE_MISSING("description-content-type-missing", Severity.WARNING, "no"
            + " Description-Content-Type: rendered as reStructuredText"),
    DESCRIPTION_MISSING("description-missing", Severity.WARNING, "no description"),
    REQUIREMENT_SYNTAX("requirement-syntax", Severity.ERROR, "an invalid Requires-Dist, Provides-Dist or"
            + " Obsoletes-Dist"),
    DIRECT_URL_DEPENDENCY("direct-url-dependency", Severity.ERROR, "a name @ url dependency"),
    REQUIRES_PYTHON("requires-python", Severity.ERROR, "an invalid Requires-Python"),
    PROVIDES_EXTRA("provides-extra", Severity.ERROR, "an invalid Provides-Extra"),
    PROJECT_URL("project-url", Severity.ERROR, "a Project-URL without label or URL, a label over 32 characters,"
            + " a repeated label, or an invalid URL"),
    URL_INVALID("url-invalid", Severity.ERROR, "a Home-page or Download-URL that is not an http(s) URL"),
    EMAIL_INVALID("email-invalid", Severity.ERROR, "an invalid Author-email or Maintainer-email address"),
    CLASSIFIER_UNKNOWN("classifier-unknown", Severity.ERROR, "a classifier not in the trove list"),
    CLASSIFIER_DEPRECATED("classifier-deprecated", Severity.ERROR, "a deprecated classifier"),
    LICENSE_EXCLUSIVE("license-exclusive", Severity.ERROR, "both License and License-Expression"),
    LICENSE_EXPRESSION("license-expression", Severity.ERROR, "an invalid SPDX License-Expression"),
    LICENSE_FILE_PATH("license-file-path", Severity.ERROR, "a License-File path that is absolute, uses '..', '*'"
            + " or '\\'"),
    DYNAMIC("dynamic", Severity.ERROR, "Dynamic listing Name, Version, Metadata-Version or a non-field"),
    IMPORT_NAME("import-name", Severity.ERROR, "an Import-Name or Import-Namespace that is not a dotted"
            + " identifier");

    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    /** The identifier shown in reports, e.g. {@code zip-data-descriptor}. */
    public String id() {
        return id;
    }

    /** The severity of its findings, unless a finding says otherwise. */
    public Severity severity() {
        return severity;
    }

    /** What the rule catches, in a few words. */
    public String summary() {
        return summary;
    }

    Finding at(Path file, String message, String fix) {
        return new Finding(severity, file == null ? null : DisplayName.of(file), id, message, fix);
    }

    Finding at(Path file, Severity override, String message, String fix) {
        return new Finding(override, file == null ? null : DisplayName.of(file), id, message, fix);
    }

    Finding release(String message, String fix) {
        return new Finding(severity, null, id, message, fix);
    }
}
