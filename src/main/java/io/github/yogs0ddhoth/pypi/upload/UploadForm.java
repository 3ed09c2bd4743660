package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The multipart form of PyPI's legacy upload API for one file, in a fixed order so that two runs on the same
 * file send the same bytes (twine's order depends on hash seeds; ours does not).
 */
public record UploadForm(List<FormField> fields, Path file, String filename, long size) {

    /** Core-metadata fields sent once: header name, form key. */
    private static final String[][] SINGLE = {
        {"Summary", "summary"},
        {"Description-Content-Type", "description_content_type"},
        {"Keywords", "keywords"},
        {"Home-page", "home_page"},
        {"Download-URL", "download_url"},
        {"Author", "author"},
        {"Author-email", "author_email"},
        {"Maintainer", "maintainer"},
        {"Maintainer-email", "maintainer_email"},
        {"License", "license"},
        {"License-Expression", "license_expression"},
        {"Requires-Python", "requires_python"},
    };

    /** Core-metadata fields that may repeat, sent as one form field per value. */
    private static final String[][] MULTI = {
        {"Classifier", "classifiers"},
        {"Platform", "platform"},
        {"Supported-Platform", "supported_platform"},
        {"Requires-Dist", "requires_dist"},
        {"Provides-Dist", "provides_dist"},
        {"Obsoletes-Dist", "obsoletes_dist"},
        {"Requires-External", "requires_external"},
        {"Provides-Extra", "provides_extra"},
        {"Project-URL", "project_urls"},
        {"Dynamic", "dynamic"},
        {"License-File", "license_file"},
        {"Import-Name", "import_name"},
        {"Import-Namespace", "import_namespace"},
        {"Requires", "requires"},
        {"Provides", "provides"},
        {"Obsoletes", "obsoletes"},
    };

    public static UploadForm of(Distribution dist, FileDigests digests) {
        CoreMetadata md = dist.metadata();
        String metadataVersion = md.first("Metadata-Version").orElse("");
        List<FormField> f = new ArrayList<>();
        f.add(new FormField(":action", "file_upload"));
        f.add(new FormField("protocol_version", "1"));
        f.add(new FormField("metadata_version", metadataVersion));
        // The name exactly as written: PyPI normalises it itself, and rewriting '_' to '-' as twine does
        // would rename the project's display name.
        f.add(new FormField("name", md.first("Name").orElse("")));
        f.add(new FormField("version", md.first("Version").orElse("")));
        f.add(new FormField("filetype", dist.type().filetype()));
        f.add(new FormField("pyversion", dist.pyversion()));
        for (String[] field : SINGLE) {
            md.first(field[0]).ifPresent(v -> f.add(new FormField(field[1], formValue(field[0], v))));
        }
        description(md).ifPresent(v -> f.add(new FormField("description", v)));
        for (String[] field : MULTI) {
            if (field[0].equals("License-File") && isOlderThan(metadataVersion, 2, 4)) {
                // setuptools wrote License-File under Metadata-Version 2.1 for years; PyPI refuses a field
                // newer than the declared version, so (like twine) it is not sent for those files.
                continue;
            }
            for (String v : md.all(field[0])) {
                f.add(new FormField(field[1], formValue(field[0], v)));
            }
        }
        f.add(new FormField("sha256_digest", digests.sha256Hex()));
        f.add(new FormField("blake2_256_digest", digests.blake2b256Hex()));
        return new UploadForm(List.copyOf(f), dist.path(), dist.filename(), digests.size());
    }

    /** The body is the description; old metadata put it in a header instead. */
    private static java.util.Optional<String> description(CoreMetadata md) {
        if (!md.body().isBlank()) {
            return java.util.Optional.of(md.body());
        }
        return md.first("Description");
    }

    /** Brings list-like values into the canonical form PyPI parses, the same form twine sends. */
    static String formValue(String header, String value) {
        if (header.equals("Keywords")) {
            return String.join(", ", java.util.Arrays.stream(value.split(","))
                    .map(String::strip).toList());
        }
        if (header.equals("Project-URL")) {
            int comma = value.indexOf(',');
            return comma < 0 ? value.strip()
                    : value.substring(0, comma).strip() + ", " + value.substring(comma + 1).strip();
        }
        return value;
    }

    static boolean isOlderThan(String metadataVersion, int major, int minor) {
        String[] parts = metadataVersion.strip().split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma < major || ma == major && mi < minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public List<String> values(String name) {
        return fields.stream().filter(x -> x.name().equals(name)).map(FormField::value).toList();
    }

    /** The metadata name of the project, as the file's core metadata spells it. */
    public String name() {
        return single("name");
    }

    public String version() {
        return single("version");
    }

    public String sha256() {
        return single("sha256_digest");
    }

    public String blake2b256() {
        return single("blake2_256_digest");
    }

    public boolean isSdist() {
        return "sdist".equals(single("filetype"));
    }

    /** The same form with the PEP 740 {@code attestations} field (a JSON array) appended, as twine sends it. */
    public UploadForm withAttestations(String attestationsJson) {
        List<FormField> all = new ArrayList<>(fields);
        all.add(new FormField("attestations", attestationsJson));
        return new UploadForm(List.copyOf(all), file, filename, size);
    }

    private String single(String name) {
        return fields.stream().filter(x -> x.name().equals(name)).map(FormField::value).findFirst().orElse("");
    }
}
