package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The multipart form of PyPI's legacy upload API for one file, in a fixed order so that two runs on the same
 * file send the same bytes (twine's order depends on hash seeds; ours does not).
 *
 * <p>A form is made in one of two ways. {@link #of} takes digests computed beforehand and sends them before the
 * file, in twine's order, which every index accepts. {@link #hashedWhileSent} leaves the digests to be computed
 * from the bytes as they are sent, and sends {@code sha256_digest} and {@code blake2_256_digest} after the file:
 * the upload then needs no read of its own, but only an index that parses the whole form before it looks at the
 * digests accepts that order (PyPI does). Whatever needs a digest before the upload (the preflight comparing a file
 * the index already has, an attestation) gets it from {@link #sha256()}, which then reads the file once; the upload
 * then sends the digests it already has instead of computing them again.
 */
public final class UploadForm {
    private final List<FormField> fields;
    private final Path file;
    private final String filename;
    private final long size;
    private final FileTime modified;
    private final Digests digests;

    /**
     * A form with its digests among {@code fields} (as {@code sha256_digest} and {@code blake2_256_digest}), sent
     * before the file.
     */
    public UploadForm(List<FormField> fields, Path file, String filename, long size) {
        this(fields, file, filename, size, null, null);
    }

    private UploadForm(List<FormField> fields, Path file, String filename, long size, FileTime modified,
            Digests digests) {
        this.fields = List.copyOf(fields);
        this.file = file;
        this.filename = filename;
        this.size = size;
        this.modified = modified;
        this.digests = digests;
    }

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

    /** The form of {@code dist} with digests computed beforehand, sent before the file (twine's order). */
    public static UploadForm of(Distribution dist, FileDigests digests) {
        List<FormField> f = metadataFields(dist);
        f.add(new FormField("sha256_digest", digests.sha256Hex()));
        f.add(new FormField("blake2_256_digest", digests.blake2b256Hex()));
        return new UploadForm(f, dist.path(), dist.filename(), digests.size());
    }

    /**
     * The form of {@code dist} whose digests are computed from the bytes as they are sent and follow the file; for
     * an index that parses the whole form before it reads the digests. The file's size and modification time are
     * taken now: a file that is not the same when it is sent is not uploaded.
     */
    public static UploadForm hashedWhileSent(Distribution dist) throws IOException {
        return hashedWhileSent(metadataFields(dist), dist.path(), dist.filename());
    }

    /** A form hashed while sent with these text fields (which must not hold the digests). */
    static UploadForm hashedWhileSent(List<FormField> fields, Path file, String filename) throws IOException {
        long size = Files.size(file);
        FileTime modified = Files.getLastModifiedTime(file);
        return new UploadForm(fields, file, filename, size, modified, new Digests(file, size));
    }

    private static List<FormField> metadataFields(Distribution dist) {
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
        return f;
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

    /**
     * The text fields sent before the file, in order: for a form {@linkplain #hashedWhileSent hashed while sent},
     * without the digests, which follow the file.
     */
    public List<FormField> fields() {
        return fields;
    }

    public Path file() {
        return file;
    }

    public String filename() {
        return filename;
    }

    /** The file's size: as hashed, or for a form hashed while sent, when the form was made. */
    public long size() {
        return size;
    }

    /** Whether the digests follow the file on the wire (and are computed while it is sent, if still unknown). */
    public boolean digestsAfterContent() {
        return digests != null;
    }

    /** For a form hashed while sent: the file's modification time when the form was made. */
    FileTime modified() {
        return modified;
    }

    /** For a form hashed while sent: its digests if known yet (computed by a read or a sent upload), else null. */
    FileDigests knownDigests() {
        return digests == null ? null : digests.known();
    }

    /**
     * Records the digests of the bytes an upload sent. Returns false when other digests were known already: the
     * file is not the one it was.
     */
    boolean settle(FileDigests sent) {
        return digests.settle(sent);
    }

    public List<String> values(String name) {
        if (digests != null && (name.equals("sha256_digest") || name.equals("blake2_256_digest"))) {
            FileDigests d = digests.get();
            return List.of(name.equals("sha256_digest") ? d.sha256Hex() : d.blake2b256Hex());
        }
        return fields.stream().filter(x -> x.name().equals(name)).map(FormField::value).toList();
    }

    /** The metadata name of the project, as the file's core metadata spells it. */
    public String name() {
        return single("name");
    }

    public String version() {
        return single("version");
    }

    /**
     * The file's SHA-256, lowercase hex. For a form hashed while sent and not sent yet, this reads the file now.
     *
     * @throws UncheckedIOException when that read fails
     */
    public String sha256() {
        return digests == null ? single("sha256_digest") : digests.get().sha256Hex();
    }

    /** The file's BLAKE2b-256, lowercase hex; like {@link #sha256()}, it may read the file now. */
    public String blake2b256() {
        return digests == null ? single("blake2_256_digest") : digests.get().blake2b256Hex();
    }

    public boolean isSdist() {
        return "sdist".equals(single("filetype"));
    }

    /** The same form with the PEP 740 {@code attestations} field (a JSON array) appended, as twine sends it. */
    public UploadForm withAttestations(String attestationsJson) {
        List<FormField> all = new ArrayList<>(fields);
        all.add(new FormField("attestations", attestationsJson));
        return new UploadForm(all, file, filename, size, modified, digests);
    }

    @Override
    public String toString() {
        return "UploadForm[" + filename + ", " + size + " bytes" + (digests == null ? "" : ", digests after content")
                + "]";
    }

    /**
     * The digests of a form hashed while sent: unknown until an upload sends the file or someone asks for them, then
     * fixed. Shared by the form and its copy with attestations, and safe to use from several threads.
     */
    private static final class Digests {
        private final Path file;
        private final long size;
        private FileDigests known;

        Digests(Path file, long size) {
            this.file = file;
            this.size = size;
        }

        synchronized FileDigests known() {
            return known;
        }

        synchronized boolean settle(FileDigests sent) {
            if (known == null) {
                known = sent;
                return true;
            }
            return known.equals(sent);
        }

        synchronized FileDigests get() {
            if (known == null) {
                try {
                    known = new FileDigester().digest(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + file + " to compute its digests: "
                            + e.getMessage(), e);
                }
            }
            return known;
        }

        @Override
        public String toString() {
            return Objects.toString(known, "digests of " + file + " (" + size + " bytes) not computed yet");
        }
    }

    private String single(String name) {
        return fields.stream().filter(x -> x.name().equals(name)).map(FormField::value).findFirst().orElse("");
    }
}
