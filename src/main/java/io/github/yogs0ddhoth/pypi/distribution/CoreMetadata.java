package io.github.yogs0ddhoth.pypi.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed core-metadata document: the {@code METADATA} file of a wheel or the {@code PKG-INFO} file of an sdist.
 *
 * <p>The document is kept as written: fields in file order with their names as spelled, repeated fields repeated,
 * values unfolded the way Python's email parser (compat32 policy) and {@code packaging.metadata.parse_email} unfold
 * them, and the message body verbatim. That is what twine reads and sends, so what this plugin uploads matches what
 * twine would upload. Nothing is validated here (not even Metadata-Version): parsing succeeds for any well-formed
 * document, and a validator decides what the index will accept.
 *
 * <p>Instances are immutable.
 */
public final class CoreMetadata {

    /**
     * One header field.
     *
     * @param name the field name exactly as written, e.g. {@code Requires-Dist}
     * @param value the value: leading spaces and tabs after the colon removed, continuation lines appended after a
     *     {@code "\n"} with their own leading whitespace kept (as packaging returns them)
     */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Field> fields;
    private final String body;

    CoreMetadata(List<Field> fields, String body) {
        this.fields = List.copyOf(fields);
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * Parses a core-metadata document.
     *
     * <p>The bytes must be strict UTF-8; CRLF, CR and LF line ends are all accepted. The header section ends at the
     * first empty line and everything after that line is the body, byte for byte.
     *
     * @param utf8Bytes the file content
     * @return the parsed document
     * @throws MalformedMetadataException if the bytes are not UTF-8, or a line in the header section is neither a
     *     field, a continuation line nor the empty line that ends the headers
     */
    public static CoreMetadata parse(byte[] utf8Bytes) throws MalformedMetadataException {
        return CoreMetadataParser.parse(utf8Bytes, "the core metadata");
    }

    /** As {@link #parse(byte[])}, naming {@code source} (the file and entry) in error messages. */
    static CoreMetadata parse(byte[] utf8Bytes, String source) throws MalformedMetadataException {
        return CoreMetadataParser.parse(utf8Bytes, source);
    }

    /** All header fields in file order. */
    public List<Field> fields() {
        return fields;
    }

    /** The value of the first field called {@code name}, compared case-insensitively as RFC 822 requires. */
    public Optional<String> first(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /** The values of every field called {@code name} (case-insensitive), in file order; empty if there is none. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value());
            }
        }
        return List.copyOf(values);
    }

    /**
     * The message body after the empty line that ends the headers, exactly as written (line ends included); {@code ""}
     * if there is none. Since Metadata-Version 2.1 this is where the description lives.
     */
    public String body() {
        return body;
    }

    /** The first {@code Metadata-Version} field. */
    public Optional<String> metadataVersion() {
        return first("Metadata-Version");
    }

    /** The first {@code Name} field, as written (not normalised). */
    public Optional<String> name() {
        return first("Name");
    }

    /** The first {@code Version} field, as written (not normalised). */
    public Optional<String> version() {
        return first("Version");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoreMetadata that && fields.equals(that.fields) && body.equals(that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, body);
    }

    @Override
    public String toString() {
        return "CoreMetadata[Metadata-Version=" + metadataVersion().orElse("?") + ", Name=" + name().orElse("?")
                + ", Version=" + version().orElse("?") + ", " + fields.size() + " fields, body of " + body.length()
                + " chars]";
    }
}
